import * as encoding from 'lib0/encoding';
import { writeSyncStep1, writeSyncStep2, writeUpdate } from 'y-protocols/sync';
import * as Y from 'yjs';
import { MESSAGE_SYNC } from './room-contract';
import { syncStep1Message, syncStep2Message, updateMessage } from './framing';

/** Any y-protocols peer must read our messages: they are byte for byte what y-protocols itself writes (P3). */
describe('sync message framing', () => {
  const doc = new Y.Doc();
  doc.getMap('elements').set('a', { x: 1 });
  const peer = new Y.Doc();

  const framedBy = (write: (encoder: encoding.Encoder) => void): Uint8Array => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    write(encoder);
    return encoding.toUint8Array(encoder);
  };

  it('step 1, step 2 and update match y-protocols', () => {
    expect(syncStep1Message(Y.encodeStateVector(doc))).toEqual(framedBy((e) => writeSyncStep1(e, doc)));
    const peerVector = Y.encodeStateVector(peer);
    expect(syncStep2Message(Y.encodeStateAsUpdate(doc, peerVector))).toEqual(framedBy((e) => writeSyncStep2(e, doc, peerVector)));
    const update = Y.encodeStateAsUpdate(doc);
    expect(updateMessage(update)).toEqual(framedBy((e) => writeUpdate(e, update)));
  });
});

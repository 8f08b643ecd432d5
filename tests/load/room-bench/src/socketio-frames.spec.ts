import { Decoder, Encoder, PacketType } from 'socket.io-parser';
import { binaryEventFrame, connectFrame, readFrame } from './socketio-frames';

/** engine.io v4 puts a "message" packet's type digit (4) before the Socket.IO packet's own text. */
const engineMessage = (socketIo: string | Buffer | ArrayBuffer): string => `4${String(socketIo)}`;
const encoded = (packet: Parameters<Encoder['encode']>[0]) => new Encoder().encode(packet);

describe('the load generator speaks the Socket.IO frames socket.io-parser writes', () => {
  it('writes CONNECT with auth, and binary events with and without an ack id, as the library does', () => {
    const auth = { token: 't', sessionId: 's', protocolVersion: 1 };
    expect(connectFrame('/room', auth)).toBe(engineMessage(encoded({ type: PacketType.CONNECT, nsp: '/room', data: auth })[0]));

    const payload = Buffer.from([0, 2, 1, 7]);
    const [withAck, attachment] = encoded({ type: PacketType.EVENT, nsp: '/room', id: 41, data: ['yjs', payload] });
    expect(binaryEventFrame('/room', 'yjs', 41)).toBe(engineMessage(withAck as string));
    expect(attachment).toEqual(payload);
    const [noAck] = encoded({ type: PacketType.EVENT, nsp: '/room', data: ['yjs', payload] });
    expect(binaryEventFrame('/room', 'yjs')).toBe(engineMessage(noAck as string));

    // And the library reads ours back as that event, attachment in place.
    const decoder = new Decoder();
    const decoded = new Promise((resolve) => decoder.on('decoded', resolve));
    decoder.add(binaryEventFrame('/room', 'yjs', 7).slice(1));
    decoder.add(payload);
    return expect(decoded).resolves.toMatchObject({ type: PacketType.EVENT, nsp: '/room', id: 7, data: ['yjs', payload] });
  });

  it('reads what the server writes: connect, refusal, events, binary events, acks; ignores other namespaces', () => {
    const read = (packet: Parameters<Encoder['encode']>[0]) => readFrame(engineMessage(encoded(packet)[0] as string), '/room');
    expect(read({ type: PacketType.CONNECT, nsp: '/room', data: { sid: 'abc' } })).toEqual({ kind: 'connect' });
    expect(read({ type: PacketType.CONNECT_ERROR, nsp: '/room', data: { message: 'forbidden' } })).toEqual({
      kind: 'connect_error',
      message: 'forbidden',
    });
    expect(read({ type: PacketType.DISCONNECT, nsp: '/room' })).toEqual({ kind: 'disconnect' });
    expect(read({ type: PacketType.EVENT, nsp: '/room', data: ['room:error', { code: 'too_large', message: 'm' }] })).toEqual({
      kind: 'event',
      name: 'room:error',
      args: [{ code: 'too_large', message: 'm' }],
    });
    expect(read({ type: PacketType.EVENT, nsp: '/room', data: ['yjs', Buffer.from([1])] })).toEqual({ kind: 'binary_event', name: 'yjs' });
    expect(read({ type: PacketType.ACK, nsp: '/room', id: 1234, data: [{ ok: true }] })).toEqual({ kind: 'ack', id: 1234, args: [{ ok: true }] });
    expect(read({ type: PacketType.EVENT, nsp: '/other', data: ['yjs', 1] })).toEqual({ kind: 'ignored' });
    expect(readFrame('0{"sid":"x","pingInterval":25000}', '/room')).toEqual({ kind: 'open' });
    expect(readFrame('2', '/room')).toEqual({ kind: 'ping' });
  });
});

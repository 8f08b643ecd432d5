import type { YjsAck } from '@mockboard/protocol';
import * as Y from 'yjs';
import { withTimeout } from '../../shared/cleanup';
import type { FromGenerator, GeneratorResult, LatencySamples, RoomOutcome, ToGenerator } from './fanout-messages';
import { setOwnNice } from './process-priority';
import { countMissing, docDigest, nowMs, parseEditKey, prepareEdits, type PreparedEdit } from './room-doc';
import { mapLimit } from './setup';
import { SampleBuffer } from './stats';
import { WireClient } from './wire-client';

/**
 * A load-generator process (forked by fanout-scenario.ts). It owns whole rooms, so every client of a room
 * is here: "did every other client get every edit, and how long did it take?" is answered locally, from
 * send times kept in this process.
 */
type Setup = Extract<ToGenerator, { type: 'setup' }>;

interface SimClient {
  wire: WireClient;
  room: number;
  /** Index among the room's clients. */
  index: number;
  /** Index among the room's clients for a writer, or -1 for an observer. */
  writer: number;
  /** This writer's edits, prepared before the run. */
  edits: PreparedEdit[];
  /** Edits sent so far; also the next edit's seq. */
  seq: number;
  /** When each edit was handed to the socket, by seq. */
  sentAt: Float64Array;
  /** When each edit was due by the schedule, by seq: later than this is the generator's own lag. */
  dueAt: Float64Array;
  /** Send times of edits awaiting their acknowledgement; acks arrive in send order on one socket. */
  unacked: number[];
  /** Updates received from the server, applied to a document only after the run. */
  received: Uint8Array[];
  /** Which of each writer's edits arrived here already (a resync after a reconnect repeats some). */
  arrived: Map<number, Uint8Array>;
}

const CONNECT_CONCURRENCY = 25;
const SYNC_TIMEOUT_MS = 60_000;

let setup: Setup | undefined;
let clients: SimClient[] = [];
/** clientsByRoom[room][clientIndex]. */
let clientsByRoom: SimClient[][] = [];
/** The measured window: edits sent before it are the warm-up. */
let measuredWindow = { start: 0, end: 0 };
const measured = samples();
const warmup = samples();
const sendLagMs = new SampleBuffer();
const counters = {
  sent: 0,
  sentInWindow: 0,
  acked: 0,
  ackedInWindow: 0,
  deliveries: 0,
  deliveriesInWindow: 0,
  disconnects: 0,
};
const ackFailures: Record<string, number> = {};
const roomErrors: Record<string, number> = {};

function samples() {
  return { fanoutMs: new SampleBuffer(), fanoutFromDueMs: new SampleBuffer(), fanoutAtMs: new SampleBuffer(), ackMs: new SampleBuffer() };
}
/** Edits sent before the window opened are warm-up: counted for loss, kept out of the latency figures. */
const samplesFor = (sentAt: number) => (sentAt < measuredWindow.start ? warmup : measured);
const inWindow = (t: number): boolean => t >= measuredWindow.start && t <= measuredWindow.end;

const send = (message: FromGenerator): void => {
  process.send?.(message);
};

process.on('message', (message: ToGenerator) => {
  const handled =
    message.type === 'setup' ? connectAll(message) : message.type === 'go' ? run(message.startAt) : closeAll();
  handled.catch((error: unknown) => {
    send({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exit(1);
  });
});
// The bench going away must not leave generators behind.
process.on('disconnect', () => process.exit(0));

async function connectAll(message: Setup): Promise<void> {
  setup = message;
  setOwnNice(message.nice);
  const editsPerWriter = Math.ceil(message.rate * (message.warmupSeconds + message.seconds));
  const plan = message.rooms.flatMap((room, roomIndex) =>
    room.clients.map((client, clientIndex) => ({ room, roomIndex, client, clientIndex })),
  );
  const started = Date.now();
  clients = await mapLimit(plan, CONNECT_CONCURRENCY, async ({ room, roomIndex, client, clientIndex }) => {
    const writer = client.role === 'observer' ? -1 : clientIndex;
    const edits = writer >= 0 ? prepareEdits(writer, editsPerWriter) : [];
    const wire = new WireClient({
      url: message.url,
      sessionId: room.sessionId,
      token: client.token,
      onUpdate: (update) => onUpdate(sim, update),
      onAck: (ack) => onAck(sim, ack),
      onRoomError: (error) => {
        roomErrors[error.code] = (roomErrors[error.code] ?? 0) + 1;
      },
      onDisconnect: () => {
        counters.disconnects++;
        sim.unacked.length = 0;
      },
    });
    const sim: SimClient = {
      wire,
      room: roomIndex,
      index: clientIndex,
      writer,
      edits,
      seq: 0,
      sentAt: new Float64Array(edits.length),
      dueAt: new Float64Array(edits.length),
      unacked: [],
      received: [],
      arrived: new Map(),
    };
    await withTimeout(wire.whenReady(), SYNC_TIMEOUT_MS, 'the room to sync');
    return sim;
  });
  clientsByRoom = [];
  for (const client of clients) (clientsByRoom[client.room] ??= [])[client.index] = client;
  send({ type: 'ready', clients: clients.length, writers: clients.filter((c) => c.writer >= 0).length, connectMs: Date.now() - started });
}

function onAck(sim: SimClient, ack: YjsAck): void {
  const sentAt = sim.unacked.shift();
  if (sentAt === undefined) return;
  if (!ack.ok) {
    ackFailures[ack.error] = (ackFailures[ack.error] ?? 0) + 1;
    return;
  }
  const now = nowMs();
  counters.acked++;
  if (inWindow(now)) counters.ackedInWindow++;
  samplesFor(sentAt).ackMs.push(now - sentAt);
}

/** Fan-out is timed when the update reaches the other client: from the writer's send to this arrival. */
function onUpdate(sim: SimClient, update: Uint8Array): void {
  const now = nowMs();
  // A copy: the update is a view into the socket's read buffer, which it would otherwise keep alive.
  sim.received.push(update.slice());
  for (const struct of Y.decodeUpdate(update).structs) {
    if (!(struct instanceof Y.Item) || typeof struct.parentSub !== 'string') continue;
    const edit = parseEditKey(struct.parentSub);
    const author = edit && clientsByRoom[sim.room]?.[edit.writer];
    if (!edit || !author || author === sim) continue;
    let seen = sim.arrived.get(edit.writer);
    if (!seen) sim.arrived.set(edit.writer, (seen = new Uint8Array(author.edits.length)));
    if (seen[edit.seq]) continue;
    seen[edit.seq] = 1;
    const sentAt = author.sentAt[edit.seq] as number;
    counters.deliveries++;
    if (inWindow(now)) counters.deliveriesInWindow++;
    const target = samplesFor(sentAt);
    target.fanoutMs.push(now - sentAt);
    target.fanoutFromDueMs.push(now - (author.dueAt[edit.seq] as number));
    target.fanoutAtMs.push(now - measuredWindow.start);
  }
}

/**
 * Every writer edits `rate` times a second, first through the warm-up, then through the measured window.
 * The generator's writers share one evenly spaced schedule (slot j goes to writer j mod W), offset per
 * generator so processes interleave instead of bursting together. A timer tick sends every slot that is
 * due; lateness against the schedule is recorded.
 */
async function run(startAt: number): Promise<void> {
  if (!setup) throw new Error('go before setup');
  const { rate, seconds, warmupSeconds, generatorIndex, generatorCount, drainTimeoutMs } = setup;
  const writers = clients.filter((c) => c.writer >= 0);
  measuredWindow = { start: startAt + warmupSeconds * 1000, end: startAt + (warmupSeconds + seconds) * 1000 };
  const totalSlots = Math.round(writers.length * rate * (warmupSeconds + seconds));
  const interval = 1000 / (writers.length * rate);
  const offset = (generatorIndex / generatorCount) * interval;
  let slot = 0;
  await new Promise<void>((done) => {
    const tick = (): void => {
      const now = nowMs();
      while (slot < totalSlots && startAt + offset + slot * interval <= now) {
        edit(writers[slot % writers.length] as SimClient, startAt + offset + slot * interval);
        slot++;
      }
      if (slot < totalSlots) setTimeout(tick, 1);
      else done();
    };
    setTimeout(tick, Math.max(0, startAt - Date.now()));
  });

  const expectedDeliveries = expectedDeliveryCount();
  const drainStart = Date.now();
  while (Date.now() - drainStart < drainTimeoutMs) {
    const pending = clients.reduce((n, c) => n + c.wire.pendingAcks, 0);
    if (pending === 0 && counters.deliveries >= expectedDeliveries) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const result: GeneratorResult = {
    ...counters,
    ackFailures,
    roomErrors,
    expectedDeliveries,
    measured: toArrays(measured),
    warmup: toArrays(warmup),
    sendLagMs: sendLagMs.toArray(),
    pendingAcksAtEnd: clients.reduce((n, c) => n + c.wire.pendingAcks, 0),
    drainMs: Date.now() - drainStart,
    rooms: roomOutcomes(),
  };
  send({ type: 'result', result });
}

function toArrays(buffers: ReturnType<typeof samples>): LatencySamples {
  return {
    fanoutMs: buffers.fanoutMs.toArray(),
    fanoutFromDueMs: buffers.fanoutFromDueMs.toArray(),
    fanoutAtMs: buffers.fanoutAtMs.toArray(),
    ackMs: buffers.ackMs.toArray(),
  };
}

function edit(client: SimClient, due: number): void {
  const prepared = client.edits[client.seq];
  if (!prepared) return;
  const t = nowMs();
  sendLagMs.push(t - due);
  client.sentAt[client.seq] = t;
  client.dueAt[client.seq] = due;
  if (client.wire.connected) client.unacked.push(t);
  client.wire.send(prepared.message, prepared.update);
  client.seq++;
  counters.sent++;
  if (inWindow(t)) counters.sentInWindow++;
}

function sentPerWriter(members: SimClient[]): number[] {
  const sent: number[] = [];
  for (const member of members) if (member.writer >= 0) sent[member.writer] = member.seq;
  return Array.from(sent, (n) => n ?? 0);
}

function expectedDeliveryCount(): number {
  return clientsByRoom.reduce((total, members) => {
    const sent = sentPerWriter(members).reduce((a, b) => a + b, 0);
    return total + sent * (members.length - 1);
  }, 0);
}

/** Each client's document as it stands after the run: what it sent plus everything it received. */
function documentOf(client: SimClient): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const update of client.wire.sent) Y.applyUpdate(doc, update);
    for (const update of client.received) Y.applyUpdate(doc, update);
  });
  return doc;
}

function roomOutcomes(): RoomOutcome[] {
  if (!setup) return [];
  const rooms = setup.rooms;
  return clientsByRoom.map((members, roomIndex) => {
    const sent = sentPerWriter(members);
    const docs = members.map((m) => documentOf(m));
    const digests = docs.map((doc) => docDigest(doc));
    const missing = members.reduce((n, m, i) => n + countMissing(docs[i] as Y.Doc, sent, m.writer), 0);
    docs.forEach((doc) => doc.destroy());
    return {
      sessionId: rooms[roomIndex]?.sessionId ?? '',
      sentPerWriter: sent,
      missing,
      converged: digests.every((d) => d === digests[0]),
      digest: digests[0] ?? '',
    };
  });
}

async function closeAll(): Promise<void> {
  for (const client of clients) client.wire.destroy();
  clients = [];
  // Let the close frames leave before the process ends, so the server sees clean disconnects.
  await new Promise((r) => setTimeout(r, 300));
  send({ type: 'closed' });
  process.exit(0);
}

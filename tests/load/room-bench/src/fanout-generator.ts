import type { YjsAck } from '@mockboard/protocol';
import type { RoomProvider } from '@mockboard/room-client';
import type * as Y from 'yjs';
import type { FromGenerator, GeneratorResult, RoomOutcome, ToGenerator } from './fanout-messages';
import { countMissing, docDigest, editKey, elements, nowMs, openProvider, whenReady, type EditValue } from './room-doc';
import { mapLimit } from './setup';
import { SampleBuffer } from './stats';

/**
 * A load-generator process (forked by fanout-scenario.ts). It owns whole rooms, so every client of a room
 * is here and "did every other client get every edit?" is answered locally.
 */
type Setup = Extract<ToGenerator, { type: 'setup' }>;

interface SimClient {
  provider: RoomProvider;
  room: number;
  /** Index among the room's writers, or -1 for an observer. */
  writer: number;
  seq: number;
  /** Send times of edits awaiting their acknowledgement; acks arrive in send order on one socket. */
  unacked: number[];
}

const CONNECT_CONCURRENCY = 25;
const SYNC_TIMEOUT_MS = 60_000;

let setup: Setup | undefined;
let clients: SimClient[] = [];
let editWindow = { start: 0, end: 0 };
const fanoutMs = new SampleBuffer();
/** Arrival of each fan-out sample, ms after the edit window opened (same order as fanoutMs). */
const fanoutAtMs = new SampleBuffer();
const ackMs = new SampleBuffer();
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

const send = (message: FromGenerator): void => {
  process.send?.(message);
};
const inWindow = (t: number): boolean => t >= editWindow.start && t <= editWindow.end;

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
  const plan = message.rooms.flatMap((room, roomIndex) =>
    room.clients.map((client, clientIndex) => ({ room, roomIndex, client, clientIndex })),
  );
  const started = Date.now();
  clients = await mapLimit(plan, CONNECT_CONCURRENCY, async ({ room, roomIndex, client, clientIndex }) => {
    const provider = openProvider({ url: message.url, sessionId: room.sessionId, token: client.token });
    await whenReady(provider, SYNC_TIMEOUT_MS);
    const sim: SimClient = { provider, room: roomIndex, writer: client.role === 'observer' ? -1 : clientIndex, seq: 0, unacked: [] };
    instrument(sim);
    return sim;
  });
  send({ type: 'ready', clients: clients.length, writers: clients.filter((c) => c.writer >= 0).length, connectMs: Date.now() - started });
}

function instrument(sim: SimClient): void {
  const { provider } = sim;
  provider.on('ack', (ack: YjsAck) => {
    const sentAt = sim.unacked.shift();
    if (sentAt === undefined) return;
    const now = nowMs();
    if (!ack.ok) {
      ackFailures[ack.error] = (ackFailures[ack.error] ?? 0) + 1;
      return;
    }
    counters.acked++;
    if (inWindow(now)) counters.ackedInWindow++;
    ackMs.push(now - sentAt);
  });
  provider.on('status', (status) => {
    if (status === 'connected') return;
    counters.disconnects++;
    // Acknowledgements of the lost connection never come; the resync carries the content instead.
    sim.unacked.length = 0;
  });
  provider.on('room-error', (error) => {
    roomErrors[error.code] = (roomErrors[error.code] ?? 0) + 1;
  });
  const map = elements(provider.doc);
  map.observe((event: Y.YMapEvent<unknown>, transaction: Y.Transaction) => {
    if (transaction.local) return;
    const now = nowMs();
    for (const key of event.keysChanged) {
      const value = map.get(key) as EditValue | undefined;
      if (!value || typeof value.t !== 'number') continue;
      counters.deliveries++;
      if (inWindow(now)) counters.deliveriesInWindow++;
      fanoutMs.push(now - value.t);
      fanoutAtMs.push(now - editWindow.start);
    }
  });
}

/**
 * Every writer edits `rate` times a second. The generator's writers share one evenly spaced schedule
 * (slot j goes to writer j mod W), offset per generator so processes interleave instead of bursting
 * together. A timer tick sends every slot that is due; lateness against the schedule is recorded.
 */
async function run(startAt: number): Promise<void> {
  if (!setup) throw new Error('go before setup');
  const { rate, seconds, generatorIndex, generatorCount, drainTimeoutMs } = setup;
  const writers = clients.filter((c) => c.writer >= 0);
  editWindow = { start: startAt, end: startAt + seconds * 1000 };
  const totalSlots = Math.round(writers.length * rate * seconds);
  const interval = 1000 / (writers.length * rate);
  const offset = (generatorIndex / generatorCount) * interval;
  let slot = 0;
  await new Promise<void>((done) => {
    const tick = (): void => {
      const now = nowMs();
      while (slot < totalSlots && startAt + offset + slot * interval <= now) {
        const writer = writers[slot % writers.length] as SimClient;
        edit(writer, startAt + offset + slot * interval);
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
    const pending = clients.reduce((n, c) => n + c.provider.pendingAcks, 0);
    if (pending === 0 && counters.deliveries >= expectedDeliveries) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const result: GeneratorResult = {
    ...counters,
    ackFailures,
    roomErrors,
    expectedDeliveries,
    fanoutMs: fanoutMs.toArray(),
    fanoutAtMs: fanoutAtMs.toArray(),
    ackMs: ackMs.toArray(),
    sendLagMs: sendLagMs.toArray(),
    pendingAcksAtEnd: clients.reduce((n, c) => n + c.provider.pendingAcks, 0),
    drainMs: Date.now() - drainStart,
    rooms: roomOutcomes(),
  };
  send({ type: 'result', result });
}

function edit(client: SimClient, due: number): void {
  const { provider } = client;
  const t = nowMs();
  sendLagMs.push(t - due);
  const value: EditValue = { t, n: client.seq };
  // The provider sends synchronously from the doc's update event, so the ack queue entry goes first.
  if (provider.socket.connected) client.unacked.push(t);
  elements(provider.doc).set(editKey(client.writer, client.seq), value);
  client.seq++;
  counters.sent++;
  if (inWindow(t)) counters.sentInWindow++;
}

function roomMembers(): SimClient[][] {
  const byRoom: SimClient[][] = [];
  for (const client of clients) (byRoom[client.room] ??= []).push(client);
  return byRoom;
}

function sentPerWriter(members: SimClient[]): number[] {
  const sent: number[] = [];
  for (const member of members) if (member.writer >= 0) sent[member.writer] = member.seq;
  return Array.from(sent, (n) => n ?? 0);
}

function expectedDeliveryCount(): number {
  return roomMembers().reduce((total, members) => {
    const sent = sentPerWriter(members).reduce((a, b) => a + b, 0);
    return total + sent * (members.length - 1);
  }, 0);
}

function roomOutcomes(): RoomOutcome[] {
  if (!setup) return [];
  const rooms = setup.rooms;
  return roomMembers().map((members, roomIndex) => {
    const sent = sentPerWriter(members);
    const digests = members.map((m) => docDigest(m.provider.doc));
    return {
      sessionId: rooms[roomIndex]?.sessionId ?? '',
      sentPerWriter: sent,
      missing: members.reduce((n, m) => n + countMissing(m.provider.doc, sent, m.writer), 0),
      converged: digests.every((d) => d === digests[0]),
      digest: digests[0] ?? '',
    };
  });
}

async function closeAll(): Promise<void> {
  for (const client of clients) client.provider.destroy();
  clients = [];
  // Let the close frames leave before the process ends, so the server sees clean disconnects.
  await new Promise((r) => setTimeout(r, 300));
  send({ type: 'closed' });
  process.exit(0);
}

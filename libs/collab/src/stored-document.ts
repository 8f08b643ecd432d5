import * as Y from 'yjs';
import { checkUpdate, knownClocks } from './update-check';
import type { SetAside, UpdateLogRepository } from './update-log.repository';

/** A session document as stored, checked: what a room (or a recording) is built from. */
export interface StoredDocument {
  /** The latest snapshot, unless it had to be set aside. */
  snapshot: { seq: number; state: Uint8Array } | undefined;
  /** The log rows after the snapshot that can be integrated, in order. */
  tail: Array<{ seq: number; update: Uint8Array }>;
  /** Each client's next clock once the snapshot and the tail are applied: the state vector. */
  clocks: Map<number, number>;
  /** The highest seq in the log, set-aside rows included: the next row comes after it. */
  lastSeq: number;
}

/**
 * Reads a document's snapshot and the log after it, and sets aside whatever cannot be integrated (rule
 * S10): a corrupt row, or one that refers to content that never reached the log. One bad row never stops a
 * room from loading; what is set aside is kept for an operator and reported once, through `onSetAside`.
 */
export async function loadStoredDocument(
  repository: UpdateLogRepository,
  sessionId: string,
  onSetAside: (entries: SetAside[]) => void,
): Promise<StoredDocument> {
  const setAside: SetAside[] = [];
  let snapshot = await repository.loadSnapshot(sessionId);
  let clocks = new Map<number, number>();
  if (snapshot?.verified) {
    clocks = Y.decodeStateVector(snapshot.stateVector ?? Y.encodeStateVectorFromUpdate(snapshot.state));
  } else if (snapshot) {
    // Written before updates were checked: it may hold content Yjs would keep pending.
    const check = checkUpdate(snapshot.state, knownClocks(clocks));
    if (check.ok) clocks = check.clocks;
    else {
      setAside.push({ sessionId, source: 'snapshot', seq: snapshot.seq, reason: check.reason, state: snapshot.state });
      snapshot = undefined;
    }
  }

  const tail: StoredDocument['tail'] = [];
  let lastSeq = snapshot?.seq ?? 0;
  for (const row of await repository.loadTail(sessionId, snapshot?.seq ?? 0)) {
    lastSeq = row.seq;
    if (row.setAside) continue;
    const check = checkUpdate(row.update, knownClocks(clocks));
    if (!check.ok) {
      setAside.push({ sessionId, source: 'update', seq: row.seq, reason: check.reason });
      continue;
    }
    check.clocks.forEach((clock, client) => clocks.set(client, clock));
    tail.push({ seq: row.seq, update: row.update });
  }

  const reported: SetAside[] = [];
  for (const entry of setAside) if (await repository.setAside(entry)) reported.push(entry);
  if (reported.length > 0) onSetAside(reported);
  return { snapshot: snapshot && { seq: snapshot.seq, state: snapshot.state }, tail, clocks, lastSeq };
}

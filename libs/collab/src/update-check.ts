import * as Y from 'yjs';

/**
 * What a document already holds, as far as checking an update needs: the next clock of each client and,
 * for a built document, whether a range is already deleted.
 */
export interface KnownContent {
  clock(client: number): number;
  /** Whether every item of `client` in [clock, clock + length) is deleted; absent when it cannot be told. */
  allDeleted?(client: number, clock: number, length: number): boolean;
}

export type UpdateRefusal = 'invalid_message' | 'out_of_sync';

export type UpdateCheck =
  /**
   * `changes`: it adds content or deletes something not yet deleted (an update that changes nothing is
   * not an edit, whoever sends it). `clocks`: each client's next clock once it is applied, for those it
   * advances.
   */
  | { ok: true; changes: boolean; clocks: Map<number, number> }
  | { ok: false; code: UpdateRefusal; reason: string };

type Struct = Y.Item | Y.GC | Y.Skip;
type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

interface ClientStructs {
  structs: Struct[];
  /** Index of the first struct not yet integrated. */
  next: number;
  /** The clock after this client's last struct in the update. */
  end: number;
}

/**
 * Whether `update` can be integrated into the document completely, now (docs/protocol.md, rule P9).
 *
 * Yjs applies what it can of an update and keeps the rest "pending" until what it refers to arrives; it
 * can also throw halfway, keeping the half it applied. The room is the hub every update passes through, so
 * an honest client never sends an update that refers to content the room lacks. This check accepts an update
 * only if each struct follows its client's known content without a gap, and everything it refers to (its
 * left and right origins, its parent) is known or comes earlier in the same update, and every delete
 * falls within known content. Yjs may then integrate it in any order it likes and leave nothing pending.
 */
export function checkUpdate(update: Uint8Array, known: KnownContent): UpdateCheck {
  let decoded: DecodedUpdate;
  try {
    decoded = Y.decodeUpdate(update);
  } catch (error) {
    return refuse('invalid_message', `not a Yjs update (${error instanceof Error ? error.message : String(error)})`);
  }

  const clocks = new Map<number, number>();
  const clockOf = (client: number): number => clocks.get(client) ?? known.clock(client);
  const byClient = new Map<number, ClientStructs>();
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) return refuse('out_of_sync', 'it has a gap (a skipped range)');
    if (struct instanceof Y.Item && struct.content instanceof Y.ContentDoc) {
      return refuse('invalid_message', 'subdocuments are not part of a room');
    }
    // Yjs writes no empty struct, and one breaks its clean-up after the transaction, halfway through.
    if (struct.length === 0) return refuse('invalid_message', 'it holds an empty struct');
    const { client, clock } = struct.id;
    let group = byClient.get(client);
    if (!group) {
      group = { structs: [], next: 0, end: clock };
      byClient.set(client, group);
    }
    group.structs.push(struct);
    group.end = clock + struct.length;
  }

  let changes = false;
  for (const [client, group] of byClient) {
    const knownClock = known.clock(client);
    const first = group.structs[0] as Struct;
    if (first.id.clock > knownClock) return refuse('out_of_sync', `client ${client} starts after content the room lacks`);
    // Yjs integrates the new part of such a struct after its own previous item, whatever that is, and throws
    // halfway when it is not what the struct says. An honest client's update starts where the room's content
    // ends; one computed against an older state vector is resynced.
    if (group.structs.some((struct) => struct.id.clock < knownClock && struct.id.clock + struct.length > knownClock)) {
      return refuse('out_of_sync', `a struct of client ${client} overlaps the end of the content the room has`);
    }
    if (group.end > knownClock) changes = true;
  }

  const integrated = integrateInSomeOrder(byClient, clockOf, (client, clock) => clocks.set(client, clock));
  if (!integrated.ok) return integrated;

  for (const [client, ranges] of decoded.ds.clients) {
    // Yjs writes no empty range, and throws halfway through applying one past the content it has.
    if (ranges.some((range) => range.len === 0)) return refuse('invalid_message', `it deletes an empty range of client ${client}`);
    for (const { clock, len } of mergedRanges(ranges)) {
      if (clock + len > clockOf(client)) return refuse('out_of_sync', `it deletes content of client ${client} the room lacks`);
      if (!changes && !(known.allDeleted?.(client, clock, len) ?? false)) changes = true;
    }
  }
  return { ok: true, changes, clocks };
}

/** What a built document holds. */
export function knownContentOf(doc: Y.Doc): KnownContent {
  const { store } = doc;
  return {
    clock: (client) => Y.getState(store, client),
    allDeleted: (client, clock, length) => {
      const structs = store.clients.get(client);
      if (!structs) return false;
      for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
        const struct = structs[i] as Y.Item | Y.GC;
        if (struct.id.clock >= clock + length) break;
        if (struct instanceof Y.Item && !struct.deleted) return false;
      }
      return true;
    },
  };
}

/** What a document holds as far as its state vector tells (a room not built yet, rule S4). */
export function knownClocks(clocks: ReadonlyMap<number, number>): KnownContent {
  return { clock: (client) => clocks.get(client) ?? 0 };
}

/**
 * Walks the update's structs the way Yjs integrates them: a client's structs in clock order, and one
 * waiting for another client's struct until that one is in. Each client waits on one thing at a time and
 * is woken only when the client it waits for has moved past it, so the walk is linear in the structs plus
 * the wake-ups. A struct that waits for content neither known nor in the update, or a cycle, fails.
 */
function integrateInSomeOrder(
  byClient: Map<number, ClientStructs>,
  clockOf: (client: number) => number,
  advance: (client: number, clock: number) => void,
): { ok: true } | { ok: false; code: UpdateRefusal; reason: string } {
  const waiting = new Map<number, Array<{ client: number; clock: number }>>();
  const ready = [...byClient.keys()];
  while (ready.length > 0) {
    const client = ready.pop() as number;
    const group = byClient.get(client) as ClientStructs;
    const before = clockOf(client);
    while (group.next < group.structs.length) {
      const struct = group.structs[group.next] as Struct;
      const missing = firstMissing(struct, clockOf);
      if (missing) {
        const provider = byClient.get(missing.client);
        if (!provider || provider.end <= missing.clock) {
          return refuse('out_of_sync', `it refers to content of client ${missing.client} the room lacks`);
        }
        const list = waiting.get(missing.client) ?? [];
        list.push({ client, clock: missing.clock });
        waiting.set(missing.client, list);
        break;
      }
      const end = struct.id.clock + struct.length;
      if (end > clockOf(client)) advance(client, end);
      group.next++;
    }
    const after = clockOf(client);
    const waiters = after > before ? waiting.get(client) : undefined;
    if (waiters) {
      const still = waiters.filter((waiter) => waiter.clock >= after);
      for (const waiter of waiters) if (waiter.clock < after) ready.push(waiter.client);
      if (still.length > 0) waiting.set(client, still);
      else waiting.delete(client);
    }
  }
  for (const [client, group] of byClient) {
    if (group.next < group.structs.length) return refuse('invalid_message', `client ${client}'s structs refer to each other in a cycle`);
  }
  return { ok: true };
}

/** The first thing a struct refers to that is not integrated yet; GC structs refer to nothing. */
function firstMissing(struct: Struct, clockOf: (client: number) => number): Y.ID | undefined {
  if (!(struct instanceof Y.Item)) return undefined;
  const parent = struct.parent instanceof Y.ID ? struct.parent : null;
  for (const id of [struct.origin, struct.rightOrigin, parent]) {
    if (id && id.clock >= clockOf(id.client)) return id;
  }
  return undefined;
}

/** Deletes as sorted, disjoint ranges: each stretch of the store is then looked at once. */
function mergedRanges(ranges: ReadonlyArray<{ clock: number; len: number }>): Array<{ clock: number; len: number }> {
  const sorted = [...ranges].sort((a, b) => a.clock - b.clock);
  const merged: Array<{ clock: number; len: number }> = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range.clock <= last.clock + last.len) last.len = Math.max(last.len, range.clock + range.len - last.clock);
    else merged.push({ clock: range.clock, len: range.len });
  }
  return merged;
}

function refuse(code: UpdateRefusal, reason: string): { ok: false; code: UpdateRefusal; reason: string } {
  return { ok: false, code, reason };
}

/** Whether a sync step 1 payload is a state vector Yjs can read. */
export function isValidStateVector(stateVector: Uint8Array): boolean {
  try {
    Y.decodeStateVector(stateVector);
    return true;
  } catch {
    return false;
  }
}

import { publishedPresenceSchema, type PresenceState } from '@mockboard/protocol';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { PresenceOwners } from './presence-owners';
import { RoomMessageError } from './room-errors';

export interface PresenceAuthor {
  /** The server's view of who this is, whatever the client claims. */
  user: Omit<PresenceState['user'], 'color'>;
  /** Client ids this socket publishes. */
  mine: ReadonlySet<number>;
}

export interface PresenceRules {
  owners: Pick<PresenceOwners, 'ownerOf'>;
  maxStateBytes: number;
  maxIdsPerSocket: number;
}

export interface PresenceEntry {
  clientId: number;
  removed: boolean;
}

/**
 * Reads an awareness update (a count, then per client: id, clock, JSON state) and writes it again as the
 * server vouches for it (docs/protocol.md, rule D4): a socket speaks only for client ids its user published
 * first, or that nobody holds, and for a few at most; each state is size-limited and reduced to the presence
 * fields, with `user` set to the server's view of the participant. An id stays its user's after their
 * socket goes, so that nobody takes it over before they reconnect with the same document. Throws a
 * RoomMessageError for anything else, before the room's awareness is touched.
 */
export function rewritePresence(update: Uint8Array, author: PresenceAuthor, rules: PresenceRules): { update: Uint8Array; entries: PresenceEntry[] } {
  const decoder = decoding.createDecoder(update);
  const encoder = encoding.createEncoder();
  const entries: PresenceEntry[] = [];
  let claimed = author.mine.size;
  const count = read(() => decoding.readVarUint(decoder));
  encoding.writeVarUint(encoder, count);
  for (let i = 0; i < count; i++) {
    const clientId = read(() => decoding.readVarUint(decoder));
    const clock = read(() => decoding.readVarUint(decoder));
    const json = read(() => decoding.readVarString(decoder));
    const owner = rules.owners.ownerOf(clientId);
    if (owner !== undefined && owner !== author.user.id) {
      throw new RoomMessageError('forbidden', 'A connection may only update or remove its own presence');
    }
    if (json.length > rules.maxStateBytes) throw new RoomMessageError('too_large', `A presence state is limited to ${rules.maxStateBytes} bytes`);
    const state = read(() => JSON.parse(json) as unknown);
    const removed = state === null;
    if (!removed && !author.mine.has(clientId) && ++claimed > rules.maxIdsPerSocket) {
      throw new RoomMessageError('forbidden', `A connection may publish at most ${rules.maxIdsPerSocket} presence states`);
    }
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, removed ? 'null' : JSON.stringify(vouchedFor(state, author)));
    entries.push({ clientId, removed });
  }
  return { update: encoding.toUint8Array(encoder), entries };
}

function vouchedFor(state: unknown, author: PresenceAuthor): PresenceState {
  const parsed = publishedPresenceSchema.safeParse(state);
  if (!parsed.success) throw new RoomMessageError('invalid_message', 'A presence state must follow the presence layout (rule D4)');
  const { user, ...published } = parsed.data;
  return { ...published, user: { ...author.user, color: user?.color ?? '' } };
}

function read<T>(readValue: () => T): T {
  try {
    return readValue();
  } catch {
    throw new RoomMessageError('invalid_message', 'Malformed awareness update');
  }
}

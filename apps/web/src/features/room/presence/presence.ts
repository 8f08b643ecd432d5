import { PARTICIPANT_ROLES, type ParticipantRole, type PresenceState } from '@mockboard/protocol';

/**
 * Pure helpers for presence (docs/protocol.md D4): colours, reading other people's awareness states,
 * and following someone's viewport. No Excalidraw or Yjs at run time, so they are unit-tested in Node.
 */

export interface UserColor {
  /** Cursor fill, selection outline, avatar and the dot in the participant list. */
  background: string;
  /** A darker shade of the same hue, for text or strokes drawn on white. */
  stroke: string;
}

/**
 * A stable colour per user: the same person has the same colour on every screen and every visit. It is
 * exactly the colour Excalidraw paints a collaborator's cursor and selection with (its `getClientColor`,
 * which hashes the collaborator's `id` and ignores any colour it is given), so the avatar in the header
 * and the cursor on the board match.
 */
export function colorForUser(userId: string): UserColor {
  const hue = excalidrawHue(userId);
  return { background: `hsl(${String(hue)}, 100%, 83%)`, stroke: `hsl(${String(hue)}, 70%, 32%)` };
}

/** Excalidraw 0.18's `hashToInteger` and hue steps (clients.ts), reproduced to the bit. */
function excalidrawHue(id: string): number {
  let hash = 0;
  for (let i = 0; i < id.length; i++) {
    // `<< 5` truncates to 32 bits on every round, as in Excalidraw; the sum itself may leave that range.
    hash = (hash << 5) - hash + id.charCodeAt(i);
  }
  return (Math.abs(hash) % 37) * 10;
}

export type Viewport = NonNullable<PresenceState['viewport']>;

/** One other connected client, as read from awareness. A user with two tabs open is two peers. */
export interface Peer {
  clientId: number;
  state: PresenceState;
}

/**
 * Awareness states come from other browsers: anything could be in them. Keeps only well-formed
 * presence, so a broken or hostile client cannot crash the room.
 */
export function readPresence(value: unknown): PresenceState | null {
  if (!isRecord(value) || !isRecord(value.user)) return null;
  const { id, name, color, role } = value.user;
  if (typeof id !== 'string' || typeof name !== 'string' || typeof color !== 'string') return null;
  if (!(PARTICIPANT_ROLES as readonly unknown[]).includes(role)) return null;
  const presence: PresenceState = { user: { id, name: name.slice(0, 80), color, role: role as ParticipantRole } };
  const { pointer, button, selectedElementIds, viewport } = value;
  if (isRecord(pointer) && isFiniteNumber(pointer.x) && isFiniteNumber(pointer.y)) {
    presence.pointer = { x: pointer.x, y: pointer.y, tool: pointer.tool === 'laser' ? 'laser' : 'pointer' };
  }
  if (button === 'up' || button === 'down') presence.button = button;
  if (isRecord(selectedElementIds)) {
    presence.selectedElementIds = Object.fromEntries(Object.keys(selectedElementIds).map((id) => [id, true] as const));
  }
  if (
    isRecord(viewport) &&
    isFiniteNumber(viewport.scrollX) &&
    isFiniteNumber(viewport.scrollY) &&
    isFiniteNumber(viewport.zoom) &&
    viewport.zoom > 0 &&
    isFiniteNumber(viewport.width) &&
    isFiniteNumber(viewport.height)
  ) {
    presence.viewport = { scrollX: viewport.scrollX, scrollY: viewport.scrollY, zoom: viewport.zoom, width: viewport.width, height: viewport.height };
  }
  return presence;
}

/** Every other client with valid presence, in a stable order. */
export function peersFrom(states: ReadonlyMap<number, unknown>, selfClientId: number): Peer[] {
  const peers: Peer[] = [];
  for (const [clientId, value] of states) {
    if (clientId === selfClientId) continue;
    const state = readPresence(value);
    if (state) peers.push({ clientId, state });
  }
  return peers.sort((a, b) => a.clientId - b.clientId);
}

/** The shape of Excalidraw's `Collaborator`, kept structural so this module needs no Excalidraw import. */
export interface CollaboratorView {
  id: string;
  username: string;
  pointer?: { x: number; y: number; tool: 'pointer' | 'laser' };
  button?: 'up' | 'down';
  selectedElementIds?: Record<string, true>;
  color: UserColor;
}

/** Named cursors and selection outlines for the canvas, keyed by awareness client id. */
export function collaboratorsFrom(peers: readonly Peer[]): Map<string, CollaboratorView> {
  const collaborators = new Map<string, CollaboratorView>();
  for (const { clientId, state } of peers) {
    collaborators.set(String(clientId), {
      id: state.user.id,
      username: state.user.name,
      pointer: state.pointer,
      button: state.button,
      selectedElementIds: state.selectedElementIds,
      // Derived from the id rather than trusted from the peer: the same user always gets the same colour.
      color: colorForUser(state.user.id),
    });
  }
  return collaborators;
}

/**
 * Where to scroll so that I see what the person I follow sees: the same zoom, and the centre of their
 * screen at the centre of mine (our windows rarely have the same size, so matching scroll alone would not).
 */
export function followedViewport(theirs: Viewport, mine: { width: number; height: number }): { scrollX: number; scrollY: number; zoom: number } {
  const centreX = theirs.width / 2 / theirs.zoom - theirs.scrollX;
  const centreY = theirs.height / 2 / theirs.zoom - theirs.scrollY;
  return {
    scrollX: mine.width / 2 / theirs.zoom - centreX,
    scrollY: mine.height / 2 / theirs.zoom - centreY,
    zoom: theirs.zoom,
  };
}

/** Small differences are rounding in Excalidraw's own scroll maths, not the user panning. */
export function sameViewport(a: { scrollX: number; scrollY: number; zoom: number }, b: { scrollX: number; scrollY: number; zoom: number }): boolean {
  return Math.abs(a.scrollX - b.scrollX) < 0.5 && Math.abs(a.scrollY - b.scrollY) < 0.5 && Math.abs(a.zoom - b.zoom) < 1e-3;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

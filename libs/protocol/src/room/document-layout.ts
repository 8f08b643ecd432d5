/**
 * Names of the shared types in a session's Yjs document (docs/protocol.md, rules D1-D3). Every client
 * reads and writes through these names; renaming one orphans existing documents.
 */
export const DOC_KEYS = {
  /** Y.Map: Excalidraw element id -> element (plain JSON, replaced whole on each new version). */
  elements: 'elements',
  /** Y.Map: framework step id -> Y.Text of notes both participants see. */
  notes: 'notes',
} as const;

/** What each participant publishes through awareness (rule D4). */
export interface PresenceState {
  user: { id: string; name: string; color: string; role: 'interviewer' | 'candidate' | 'observer' };
  pointer?: { x: number; y: number; tool: 'pointer' | 'laser' };
  button?: 'up' | 'down';
  selectedElementIds?: Record<string, true>;
  viewport?: { scrollX: number; scrollY: number; zoom: number; width: number; height: number };
}

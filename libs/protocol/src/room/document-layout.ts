import { z } from 'zod';

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

/**
 * What a client may publish in its presence, as the server reads it (rule D4): unknown fields are dropped,
 * and `user` is replaced with the server's own view of the participant.
 */
export const publishedPresenceSchema = z.object({
  user: z.object({ color: z.string().max(64) }).partial().optional(),
  pointer: z.object({ x: z.number(), y: z.number(), tool: z.enum(['pointer', 'laser']) }).optional(),
  button: z.enum(['up', 'down']).optional(),
  selectedElementIds: z.record(z.string().max(200), z.literal(true)).optional(),
  viewport: z
    .object({ scrollX: z.number(), scrollY: z.number(), zoom: z.number().positive(), width: z.number().nonnegative(), height: z.number().nonnegative() })
    .optional(),
});

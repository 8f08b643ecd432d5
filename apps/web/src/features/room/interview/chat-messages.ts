import type { ChatMessage } from '@mockboard/protocol';

/**
 * The history and the live messages as one list: each message once (the history may already hold a message
 * that was also pushed, and the sender receives its own), in timeline order (ids are timeline sequence
 * numbers, so they order messages as the server stored them).
 */
export function mergeMessages(history: readonly ChatMessage[], live: readonly ChatMessage[]): ChatMessage[] {
  if (live.length === 0) return [...history];
  const byId = new Map<number, ChatMessage>();
  for (const message of history) byId.set(message.id, message);
  for (const message of live) if (!byId.has(message.id)) byId.set(message.id, message);
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

/** `14:05`, in the reader's own time zone and conventions. */
export function messageTime(at: number, locale?: string): string {
  return new Date(at).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
}

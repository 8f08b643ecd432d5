import type { RoomError } from '@mockboard/protocol';
import { RoomProvider, type RoomStatus } from '@mockboard/room-client';
import { useState, useSyncExternalStore } from 'react';

/** What the header shows about the board being stored. */
export type SaveState = 'saved' | 'saving' | 'offline' | 'offline-unsaved';

export interface RoomConnection {
  provider: RoomProvider | null;
  status: RoomStatus;
  /** True once the board has been received from the server at least once on this page. */
  loaded: boolean;
  /** Whether the socket was ever up: before that, "reconnecting" would be the wrong word. */
  everConnected: boolean;
  saveState: SaveState;
  /** Set when the server refused the connection for good (forbidden, not_found, client_too_old, ...). */
  refusal: string | undefined;
  /** The last message the server refused to apply, e.g. a board change over the size limit. */
  lastError: RoomError | undefined;
}

const INITIAL: RoomConnection = {
  provider: null,
  status: 'connecting',
  loaded: false,
  everConnected: false,
  saveState: 'saved',
  refusal: undefined,
  lastError: undefined,
};

/** How long "Saving…" lingers after the last acknowledgement, so quick strokes do not make it flicker. */
const SAVED_DELAY_MS = 400;

/**
 * The room connection as an external store: the provider (and its Y.Doc) exists while someone is
 * subscribed, so React's StrictMode double mount opens, closes and reopens it cleanly.
 */
class RoomConnectionStore {
  private state = INITIAL;
  private readonly listeners = new Set<() => void>();
  private disconnect: (() => void) | null = null;

  constructor(private readonly sessionId: string) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (!this.disconnect) this.disconnect = this.connect();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size > 0 || !this.disconnect) return;
      this.disconnect();
      this.disconnect = null;
    };
  };

  readonly getSnapshot = (): RoomConnection => this.state;

  private update(patch: Partial<RoomConnection>): void {
    // Called on every stroke; re-rendering the room only when something shown changed keeps drawing smooth.
    const keys = Object.keys(patch) as Array<keyof RoomConnection>;
    if (keys.every((key) => this.state[key] === patch[key])) return;
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  private connect(): () => void {
    const room = new RoomProvider({ url: '', sessionId: this.sessionId });
    let offlineEdits = false;
    let savedTimer: ReturnType<typeof setTimeout> | undefined;

    const refreshSaveState = (): void => {
      clearTimeout(savedTimer);
      if (room.status !== 'connected') return this.update({ saveState: offlineEdits ? 'offline-unsaved' : 'offline' });
      if (room.pendingAcks > 0 || offlineEdits) return this.update({ saveState: 'saving' });
      savedTimer = setTimeout(() => this.update({ saveState: 'saved' }), SAVED_DELAY_MS);
    };

    room.on('status', (status) => {
      this.update({ status, ...(status === 'connected' ? { everConnected: true } : {}) });
      refreshSaveState();
    });
    room.on('synced', (synced) => {
      if (synced) this.update({ loaded: true });
    });
    room.on('refused', (reason) => this.update({ refusal: reason }));
    room.on('room-error', (error) => this.update({ lastError: error }));
    room.on('ack', () => {
      // After a reconnect the provider's own sync reply carries the offline edits, and is acknowledged.
      if (room.pendingAcks === 0 && room.status === 'connected') offlineEdits = false;
      refreshSaveState();
    });
    // Registered after the provider's own listener, so pendingAcks already counts this update.
    room.doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin === room) return;
      if (room.status !== 'connected') offlineEdits = true;
      refreshSaveState();
    });

    this.update({ ...INITIAL, provider: room });
    return () => {
      clearTimeout(savedTimer);
      room.destroy();
      room.doc.destroy();
      this.update({ ...INITIAL });
    };
  }
}

/**
 * Opens the session's room: one RoomProvider (and Y.Doc) per mounted room page. The provider resends
 * anything the server lacks after a reconnect, so edits made offline need nothing from us but a label.
 * The caller is keyed by session id, so the store is made once per session.
 */
export function useRoomConnection(sessionId: string): RoomConnection {
  const [store] = useState(() => new RoomConnectionStore(sessionId));
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

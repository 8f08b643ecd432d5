import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { UpdateLogRepository } from '@mockboard/collab';
import type { AppConfig } from '@mockboard/config';
import { APP_CONFIG } from '../core/config/config.module';
import { Room, type RoomOwner } from './room';
import type { RoomHooks } from './room-hooks';
import { UpdateLogWriter } from './update-log-writer';

const RETRY_UNLOAD_MS = 5_000;

interface Entry {
  loading: Promise<Room>;
  /** Set once loaded, so a connection can claim the room without waiting. */
  room?: Room;
}

/**
 * The rooms this node holds in memory. Loading is single-flight per session (rule S6); a room with no
 * connections is stored and unloaded after a grace period, and stays if storing fails (rule S8). A room
 * whose in-memory state cannot be trusted is evicted, and the next connection loads it again from what is
 * stored, once everything it accepted is settled (rule S12).
 */
@Injectable()
export class RoomRegistry implements OnApplicationShutdown, RoomOwner {
  private readonly rooms = new Map<string, Entry>();
  /** Evicted rooms still settling their writes: a reload waits for them. */
  private readonly settling = new Map<string, Promise<void>>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  private readonly hooks: RoomHooks[] = [];
  private readonly logger = new Logger('Rooms');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: UpdateLogRepository,
    private readonly writer: UpdateLogWriter,
  ) {}

  /** Features plug into the room lifecycle here rather than into `Room`. */
  use(hooks: RoomHooks): void {
    this.hooks.push(hooks);
  }

  /**
   * The loaded room, loading it if needed. Claiming it is a separate step (`claim`), taken once a
   * connection exists: a room loaded for a handshake that never completes unloads after the grace period.
   */
  load(sessionId: string): Promise<Room> {
    const existing = this.rooms.get(sessionId);
    if (existing) return existing.loading;
    const room = new Room(sessionId, this.repository, this.writer, this.config.room.snapshotEvery, this);
    const entry: Entry = {
      loading: (this.settling.get(sessionId) ?? Promise.resolve()).then(() => room.load()).then(() => {
        entry.room = room;
        if (room.connections === 0) this.scheduleUnload(room, this.config.room.unloadGraceMs);
        return room;
      }),
    };
    this.rooms.set(sessionId, entry);
    // A failed load leaves nothing behind: the next connection tries again from the database.
    entry.loading.catch(() => {
      if (this.rooms.get(sessionId) === entry) this.rooms.delete(sessionId);
      room.destroy();
    });
    return entry.loading;
  }

  /** Counts one more connection to a loaded room; undefined if it is not loaded (or was just evicted). */
  claim(sessionId: string): Room | undefined {
    const room = this.rooms.get(sessionId)?.room;
    if (!room) return undefined;
    this.cancelUnload(sessionId);
    room.connections++;
    return room;
  }

  /** Loads and claims in one step, for callers that hold the room for as long as they run. */
  async acquire(sessionId: string): Promise<Room> {
    for (;;) {
      await this.load(sessionId);
      const room = this.claim(sessionId);
      if (room) return room;
    }
  }

  release(room: Room): void {
    room.connections = Math.max(0, room.connections - 1);
    if (room.connections === 0 && !room.evicted) this.scheduleUnload(room, this.config.room.unloadGraceMs);
  }

  /** Resolves once every update the session's room (if loaded here) has accepted so far is in the log. */
  async settled(sessionId: string): Promise<void> {
    await this.rooms.get(sessionId)?.room?.whenSettled();
  }

  get loadedCount(): number {
    return this.rooms.size;
  }

  /** RoomOwner: the room's document diverged from what is stored, or someone else writes its log. */
  broken(room: Room, reason: string): void {
    this.logger.error(`Room ${room.sessionId} is reloaded from storage and its clients resync: ${reason}`);
    const { sessionId } = room;
    if (this.rooms.get(sessionId)?.room === room) this.rooms.delete(sessionId);
    this.cancelUnload(sessionId);
    const settled = room.whenSettled().finally(() => {
      room.destroy();
      if (this.settling.get(sessionId) === settled) this.settling.delete(sessionId);
    });
    this.settling.set(sessionId, settled);
    for (const hooks of this.hooks) hooks.onEvicted?.(room);
  }

  /** Stores every room before the process exits (a graceful stop; kill -9 relies on the log instead). */
  async onApplicationShutdown(): Promise<void> {
    for (const timer of this.unloadTimers.values()) clearTimeout(timer);
    this.unloadTimers.clear();
    const rooms = (await Promise.allSettled([...this.rooms.values()].map((entry) => entry.loading)))
      .filter((r): r is PromiseFulfilledResult<Room> => r.status === 'fulfilled')
      .map((r) => r.value);
    this.logger.log(`Stopping: storing ${rooms.length} open ${rooms.length === 1 ? 'room' : 'rooms'}…`);
    await this.writer.drain();
    const stored = await Promise.allSettled(rooms.map((room) => room.store()));
    await Promise.allSettled(this.settling.values());
    // Awareness runs an interval timer per document: destroying the rooms lets the process exit.
    rooms.forEach((room) => room.destroy());
    this.rooms.clear();
    const failed = stored.filter((r) => r.status === 'rejected').length;
    this.logger.log(failed === 0 ? 'Rooms stored.' : `Rooms stored, but ${failed} snapshots failed: their log is intact and replays on load.`);
  }

  private scheduleUnload(room: Room, delayMs: number): void {
    this.cancelUnload(room.sessionId);
    const timer = setTimeout(() => void this.unload(room), delayMs);
    timer.unref();
    this.unloadTimers.set(room.sessionId, timer);
  }

  private cancelUnload(sessionId: string): void {
    const timer = this.unloadTimers.get(sessionId);
    if (timer) clearTimeout(timer);
    this.unloadTimers.delete(sessionId);
  }

  private async unload(room: Room): Promise<void> {
    this.unloadTimers.delete(room.sessionId);
    try {
      await room.whenSettled();
      await room.store();
    } catch {
      this.scheduleUnload(room, RETRY_UNLOAD_MS);
      return;
    }
    // Someone may have connected, or written, while we were storing; or the room was evicted.
    if (room.connections > 0 || room.hasPendingWrites || room.evicted) return;
    if (this.rooms.get(room.sessionId)?.room === room) this.rooms.delete(room.sessionId);
    room.destroy();
    this.logger.debug(`Unloaded room ${room.sessionId}`);
  }
}

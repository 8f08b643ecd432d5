import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '@mockboard/config';
import { APP_CONFIG } from '../core/config/config.module';
import { Room } from './room';
import { UpdateLogRepository } from './update-log.repository';
import { UpdateLogWriter } from './update-log-writer';

const RETRY_UNLOAD_MS = 5_000;

/**
 * The rooms this node holds in memory. Loading is single-flight per session (rule S6); a room with no
 * connections is stored and unloaded after a grace period, and stays if storing fails (rule S8).
 */
@Injectable()
export class RoomRegistry implements OnApplicationShutdown {
  private readonly rooms = new Map<string, Promise<Room>>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  private readonly logger = new Logger('Rooms');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: UpdateLogRepository,
    private readonly writer: UpdateLogWriter,
  ) {}

  /** The loaded room, counting one more connection to it. */
  async acquire(sessionId: string): Promise<Room> {
    this.cancelUnload(sessionId);
    let loading = this.rooms.get(sessionId);
    if (!loading) {
      const room = new Room(sessionId, this.repository, this.writer, this.config.room.snapshotEvery);
      loading = room.load().then(() => room);
      this.rooms.set(sessionId, loading);
      // A failed load leaves nothing behind: the next connection tries again from the database.
      loading.catch(() => this.rooms.delete(sessionId));
    }
    const room = await loading;
    room.connections++;
    return room;
  }

  release(room: Room): void {
    room.connections = Math.max(0, room.connections - 1);
    if (room.connections === 0) this.scheduleUnload(room, this.config.room.unloadGraceMs);
  }

  get loadedCount(): number {
    return this.rooms.size;
  }

  /** Stores every room before the process exits (a graceful stop; kill -9 relies on the log instead). */
  async onApplicationShutdown(): Promise<void> {
    for (const timer of this.unloadTimers.values()) clearTimeout(timer);
    this.unloadTimers.clear();
    const rooms = await Promise.allSettled(this.rooms.values());
    await this.writer.drain();
    await Promise.allSettled(rooms.map((r) => (r.status === 'fulfilled' ? r.value.store() : undefined)));
    // Awareness runs an interval timer per document: destroying the rooms lets the process exit.
    for (const r of rooms) if (r.status === 'fulfilled') r.value.destroy();
    this.rooms.clear();
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
      await room.whenWritten();
      await room.store();
    } catch {
      this.scheduleUnload(room, RETRY_UNLOAD_MS);
      return;
    }
    // Someone may have connected, or written, while we were storing.
    if (room.connections > 0 || room.hasPendingWrites) return;
    this.rooms.delete(room.sessionId);
    room.destroy();
    this.logger.debug(`Unloaded room ${room.sessionId}`);
  }
}

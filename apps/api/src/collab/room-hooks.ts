import type { Room } from './room';

/**
 * The seam through which features take part in a room's life without growing `Room` (as hocuspocus's
 * hooks do). Registered with `RoomRegistry.use`; every hook is optional.
 */
export interface RoomHooks {
  /**
   * The room's in-memory state could not be trusted and was dropped (rule S12): its connections must go,
   * so that their clients reconnect to the reloaded room and resync.
   */
  onEvicted?(room: Room): void;
}

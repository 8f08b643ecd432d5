import { Module } from '@nestjs/common';
import { RoomRegistry } from './room-registry';
import { UpdateLogRepository } from './update-log.repository';
import { UpdateLogWriter } from './update-log-writer';

/** The Yjs document lifecycle: loading, group-committed persistence, compaction and unloading. */
@Module({
  providers: [RoomRegistry, UpdateLogRepository, UpdateLogWriter],
  exports: [RoomRegistry],
})
export class CollabModule {}

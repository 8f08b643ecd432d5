import { Module } from '@nestjs/common';
import { UpdateLogRepository } from '@mockboard/collab';
import type { Database } from '@mockboard/db';
import { DATABASE } from '../core/database/database.module';
import { RoomRegistry } from './room-registry';
import { UpdateLogWriter } from './update-log-writer';

/** The Yjs document lifecycle: loading, group-committed persistence, compaction and unloading. */
@Module({
  providers: [
    RoomRegistry,
    UpdateLogWriter,
    // A plain class from libs/collab, shared with the worker: the class itself is the injection token.
    { provide: UpdateLogRepository, inject: [DATABASE], useFactory: (database: Database) => new UpdateLogRepository(database.db) },
  ],
  exports: [RoomRegistry],
})
export class CollabModule {}

import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { Database } from '@mockboard/db';

export const DATABASE = Symbol('DATABASE');

/** The database is opened and migrated before Nest boots, so the module only hands it out. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(database: Database): DynamicModule {
    return { module: DatabaseModule, providers: [{ provide: DATABASE, useValue: database }], exports: [DATABASE] };
  }
}

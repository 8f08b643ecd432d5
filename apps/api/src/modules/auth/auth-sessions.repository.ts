import { Inject, Injectable } from '@nestjs/common';
import { authSessions, users, type Database, type UserRow } from '@mockboard/db';
import { and, eq, gt } from 'drizzle-orm';
import { DATABASE } from '../../core/database/database.module';

@Injectable()
export class AuthSessionsRepository {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  async create(session: { userId: string; tokenHash: string; userAgent: string | null; expiresAt: Date }): Promise<void> {
    await this.database.db.insert(authSessions).values(session);
  }

  async findUserByTokenHash(tokenHash: string, now: Date): Promise<{ sessionId: string; expiresAt: Date; user: UserRow } | undefined> {
    const [row] = await this.database.db
      .select({ sessionId: authSessions.id, expiresAt: authSessions.expiresAt, user: users })
      .from(authSessions)
      .innerJoin(users, eq(users.id, authSessions.userId))
      .where(and(eq(authSessions.tokenHash, tokenHash), gt(authSessions.expiresAt, now)))
      .limit(1);
    return row;
  }

  /** The deleted sign-in's id, if there was one. */
  async deleteByTokenHash(tokenHash: string): Promise<string | undefined> {
    const [row] = await this.database.db.delete(authSessions).where(eq(authSessions.tokenHash, tokenHash)).returning({ id: authSessions.id });
    return row?.id;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { users, type Database, type UserRow } from '@mockboard/db';
import { eq } from 'drizzle-orm';
import { DATABASE } from '../../core/database/database.module';

export interface NewUser {
  email: string | null;
  passwordHash: string | null;
  displayName: string;
  isGuest: boolean;
}

@Injectable()
export class UsersRepository {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  /** Returns undefined when the email is already taken (unique index), instead of throwing. */
  async insert(user: NewUser): Promise<UserRow | undefined> {
    const [row] = await this.database.db.insert(users).values(user).onConflictDoNothing().returning();
    return row;
  }

  async findByEmail(email: string): Promise<UserRow | undefined> {
    const [row] = await this.database.db.select().from(users).where(eq(users.email, email)).limit(1);
    return row;
  }

  async findById(id: string): Promise<UserRow | undefined> {
    const [row] = await this.database.db.select().from(users).where(eq(users.id, id)).limit(1);
    return row;
  }

  /** Turns a guest into a full account in place; undefined when the email is taken. */
  async claimGuest(
    id: string,
    credentials: { email: string; passwordHash: string; displayName?: string },
  ): Promise<UserRow | undefined> {
    const [row] = await this.database.db
      .update(users)
      .set({ ...credentials, isGuest: false, updatedAt: new Date() })
      .where(eq(users.id, id))
      .returning()
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) return [];
        throw error;
      });
    return row;
  }
}

function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } }).cause ?? error;
  return (cause as { code?: string }).code === '23505';
}

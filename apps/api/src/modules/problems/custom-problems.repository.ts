import { Inject, Injectable } from '@nestjs/common';
import { customProblems, type CustomProblemRow, type Database, type StoredProblemDefinition } from '@mockboard/db';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { DATABASE } from '../../core/database/database.module';

@Injectable()
export class CustomProblemsRepository {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  private get db() {
    return this.database.db;
  }

  async insert(row: { slug: string; authorId: string; definition: StoredProblemDefinition }): Promise<CustomProblemRow> {
    const [inserted] = await this.db.insert(customProblems).values(row).returning();
    if (!inserted) throw new Error('insert returned no row');
    return inserted;
  }

  /** The author's own problem, unless they deleted it. */
  async findOwn(slug: string, authorId: string): Promise<CustomProblemRow | undefined> {
    const [row] = await this.db
      .select()
      .from(customProblems)
      .where(and(eq(customProblems.slug, slug), eq(customProblems.authorId, authorId), isNull(customProblems.deletedAt)))
      .limit(1);
    return row;
  }

  /** Any problem by slug, deleted ones included: sessions created with it keep it. */
  async findAny(slugs: readonly string[]): Promise<CustomProblemRow[]> {
    if (slugs.length === 0) return [];
    return this.db.select().from(customProblems).where(inArray(customProblems.slug, [...slugs]));
  }

  async listOwn(authorId: string): Promise<CustomProblemRow[]> {
    return this.db
      .select()
      .from(customProblems)
      .where(and(eq(customProblems.authorId, authorId), isNull(customProblems.deletedAt)))
      .orderBy(desc(customProblems.updatedAt));
  }

  async update(slug: string, authorId: string, definition: StoredProblemDefinition): Promise<CustomProblemRow | undefined> {
    const [row] = await this.db
      .update(customProblems)
      .set({ definition, revision: sql`${customProblems.revision} + 1`, updatedAt: new Date() })
      .where(and(eq(customProblems.slug, slug), eq(customProblems.authorId, authorId), isNull(customProblems.deletedAt)))
      .returning();
    return row;
  }

  async softDelete(slug: string, authorId: string): Promise<boolean> {
    const rows = await this.db
      .update(customProblems)
      .set({ deletedAt: new Date() })
      .where(and(eq(customProblems.slug, slug), eq(customProblems.authorId, authorId), isNull(customProblems.deletedAt)))
      .returning({ slug: customProblems.slug });
    return rows.length > 0;
  }
}

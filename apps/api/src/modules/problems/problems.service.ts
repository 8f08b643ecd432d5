import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { CustomProblemRow, StoredProblemDefinition } from '@mockboard/db';
import { findProblem, PROBLEMS, problemBrief, defaultMetrics, type Clarification, type ProblemBrief, type ProblemDefinition } from '@mockboard/interview';
import { CUSTOM_PROBLEM_PREFIX, problemBodySchema, type ProblemSummary, type PublicUser, type StoredProblem } from '@mockboard/protocol';
import type { z } from 'zod';
import { parseBody } from '../../core/http/zod-body.pipe';
import { newCustomProblemSlug } from './custom-problem-slug';
import { CustomProblemsRepository } from './custom-problems.repository';
import { ProblemError } from './problems.errors';

type ProblemBody = z.output<typeof problemBodySchema>;

/** The built-in bank plus problems users write for themselves, each private to its author. */
@Injectable()
export class ProblemsService {
  constructor(private readonly custom: CustomProblemsRepository) {}

  async list(userId: string): Promise<ProblemSummary[]> {
    const own = (await this.custom.listOwn(userId)).map(toDefinition);
    return [...PROBLEMS, ...own].map((problem) => {
      const { prompt: _prompt, ...summary } = problemBrief(problem);
      return summary;
    });
  }

  /** What a candidate may read of a problem the caller can see: built-in, or their own. */
  async brief(userId: string, slug: string): Promise<ProblemBrief> {
    const problem = await this.visibleTo(userId, slug);
    if (!problem) throw ProblemError.notFound(slug);
    return problemBrief(problem);
  }

  async ownDefinition(userId: string, slug: string): Promise<StoredProblem> {
    const row = await this.custom.findOwn(slug, userId);
    if (!row) throw ProblemError.notFound(slug);
    return toDefinition(row);
  }

  /** A problem the user may start a session with; undefined for another user's private one. */
  async visibleTo(userId: string, slug: string): Promise<ProblemDefinition | undefined> {
    if (!slug.startsWith(CUSTOM_PROBLEM_PREFIX)) return findProblem(slug);
    const row = await this.custom.findOwn(slug, userId);
    return row && toDefinition(row);
  }

  /**
   * The problems sessions were created with, whoever wrote them and even if since deleted: a session's
   * participants see its problem whatever became of it.
   */
  async forSessions(slugs: readonly string[]): Promise<Map<string, ProblemDefinition>> {
    const found = new Map<string, ProblemDefinition>();
    for (const slug of slugs) {
      const builtIn = findProblem(slug);
      if (builtIn) found.set(slug, builtIn);
    }
    const custom = [...new Set(slugs.filter((s) => s.startsWith(CUSTOM_PROBLEM_PREFIX)))];
    for (const row of await this.custom.findAny(custom)) found.set(row.slug, toDefinition(row));
    return found;
  }

  async create(user: PublicUser, rawBody: unknown): Promise<StoredProblem> {
    if (user.isGuest) throw ProblemError.guest();
    const body = parseBody(problemBodySchema, rawBody);
    const row = await this.custom.insert({ slug: newCustomProblemSlug(body.title), authorId: user.id, definition: toStored(body, []) });
    return toDefinition(row);
  }

  async update(user: PublicUser, slug: string, rawBody: unknown): Promise<StoredProblem> {
    const existing = await this.custom.findOwn(slug, user.id);
    if (!existing) throw ProblemError.notFound(slug);
    const body = parseBody(problemBodySchema, rawBody);
    const row = await this.custom.update(slug, user.id, toStored(body, existing.definition.clarifications));
    if (!row) throw ProblemError.notFound(slug);
    return toDefinition(row);
  }

  async remove(user: PublicUser, slug: string): Promise<void> {
    if (!(await this.custom.softDelete(slug, user.id))) throw ProblemError.notFound(slug);
  }
}

function newClarificationId(): string {
  return `c-${randomBytes(6).toString('hex')}`;
}

function toDefinition(row: CustomProblemRow): ProblemDefinition {
  return { ...row.definition, slug: row.slug, custom: true };
}

/**
 * A clarification keeps its id across edits while its question stays the same, so one revealed in a
 * session stays the one revealed. A new question gets an id never used before: counting on from the
 * current list would hand a removed question's id, and with it the removed one's reveals, to a new one.
 */
function toStored(body: ProblemBody, previous: readonly Clarification[]): StoredProblemDefinition {
  const idOf = new Map(previous.map((c) => [c.question, c.id]));
  const clarifications = body.clarifications.map(({ question, answer }) => {
    const kept = idOf.get(question);
    // A question written twice keeps its id once: the copy is a new clarification, with an id of its own.
    idOf.delete(question);
    return { id: kept ?? newClarificationId(), question, answer };
  });
  const { title, summary, prompt, taskType, tags, difficulty, guide, expectedComponents } = body;
  return { title, summary, prompt, taskType, tags, difficulty, clarifications, guide, expectedComponents, metrics: defaultMetrics(taskType) };
}

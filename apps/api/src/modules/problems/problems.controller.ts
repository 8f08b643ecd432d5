import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import type { ProblemBrief } from '@mockboard/interview';
import type { ProblemListResponse, StoredProblem } from '@mockboard/protocol';
import { CurrentAuth } from '../auth/auth.decorators';
import type { Authenticated } from '../auth/auth.service';
import { ProblemsService } from './problems.service';

/** Bodies are validated by the service, after the checks of who may write (403 before 400). */
@Controller('problems')
export class ProblemsController {
  constructor(private readonly problems: ProblemsService) {}

  @Get()
  async list(@CurrentAuth() auth: Authenticated): Promise<ProblemListResponse> {
    return { problems: await this.problems.list(auth.user.id) };
  }

  @Get(':slug')
  get(@CurrentAuth() auth: Authenticated, @Param('slug') slug: string): Promise<ProblemBrief> {
    return this.problems.brief(auth.user.id, slug);
  }

  /** The whole stored problem, for its author's editor. */
  @Get(':slug/definition')
  definition(@CurrentAuth() auth: Authenticated, @Param('slug') slug: string): Promise<StoredProblem> {
    return this.problems.ownDefinition(auth.user.id, slug);
  }

  @Post()
  create(@CurrentAuth() auth: Authenticated, @Body() body: unknown): Promise<StoredProblem> {
    return this.problems.create(auth.user, body);
  }

  @Put(':slug')
  update(@CurrentAuth() auth: Authenticated, @Param('slug') slug: string, @Body() body: unknown): Promise<StoredProblem> {
    return this.problems.update(auth.user, slug, body);
  }

  @Delete(':slug')
  @HttpCode(204)
  remove(@CurrentAuth() auth: Authenticated, @Param('slug') slug: string): Promise<void> {
    return this.problems.remove(auth.user, slug);
  }
}

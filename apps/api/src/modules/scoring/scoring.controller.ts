import { Body, Controller, Get, Header, HttpCode, Param, Post, Put } from '@nestjs/common';
import type { Feedback, FeedbackResponse, RubricNote, RubricNotesResponse, Scorecard } from '@mockboard/protocol';
import { CurrentAuth } from '../auth/auth.decorators';
import type { Authenticated } from '../auth/auth.service';
import { actorIn } from '../interview/interview-actor';
import { SessionsService } from '../sessions/sessions.service';
import { ScoringService } from './scoring.service';

/** Scorecards, quick notes and feedback of one session (rules R2–R5, R8). */
@Controller('sessions/:id')
export class ScoringController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly scoring: ScoringService,
  ) {}

  @Get('scorecard')
  async scorecard(@CurrentAuth() auth: Authenticated, @Param('id') id: string): Promise<Scorecard> {
    const { actor, session } = await actorIn(this.sessions, auth, id);
    return this.scoring.scorecard(actor, session);
  }

  @Put('scorecard')
  async saveDraft(@CurrentAuth() auth: Authenticated, @Param('id') id: string, @Body() body: unknown): Promise<Scorecard> {
    const { actor, session } = await actorIn(this.sessions, auth, id);
    return this.scoring.saveDraft(actor, session, body);
  }

  @Get('scorecard.md')
  @Header('content-type', 'text/markdown; charset=utf-8')
  async markdown(@CurrentAuth() auth: Authenticated, @Param('id') id: string): Promise<string> {
    const { actor, session } = await actorIn(this.sessions, auth, id);
    return this.scoring.markdown(actor, session);
  }

  @Post('scorecard/submit')
  @HttpCode(200)
  async submit(@CurrentAuth() auth: Authenticated, @Param('id') id: string, @Body() body: unknown): Promise<Scorecard> {
    const { actor, session } = await actorIn(this.sessions, auth, id);
    return this.scoring.submit(actor, session, body);
  }

  @Post('scorecard/release')
  @HttpCode(200)
  async release(@CurrentAuth() auth: Authenticated, @Param('id') id: string, @Body() body: unknown): Promise<Scorecard> {
    const { actor, session } = await actorIn(this.sessions, auth, id);
    return this.scoring.release(actor, session, body);
  }

  @Post('rubric-notes')
  async addNote(@CurrentAuth() auth: Authenticated, @Param('id') id: string, @Body() body: unknown): Promise<RubricNote> {
    const { actor, session } = await actorIn(this.sessions, auth, id);
    return this.scoring.addNote(actor, session, body);
  }

  @Get('rubric-notes')
  async notes(@CurrentAuth() auth: Authenticated, @Param('id') id: string): Promise<RubricNotesResponse> {
    const { actor, session } = await actorIn(this.sessions, auth, id);
    return { notes: await this.scoring.notes(actor, session) };
  }

  @Put('feedback')
  async saveFeedback(@CurrentAuth() auth: Authenticated, @Param('id') id: string, @Body() body: unknown): Promise<Feedback> {
    const { actor, session } = await actorIn(this.sessions, auth, id);
    return this.scoring.saveFeedback(actor, session, body);
  }

  @Get('feedback')
  async feedback(@CurrentAuth() auth: Authenticated, @Param('id') id: string): Promise<FeedbackResponse> {
    const { actor, session } = await actorIn(this.sessions, auth, id);
    return { feedback: await this.scoring.feedback(actor, session) };
  }
}

import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import {
  emptyBodySchema,
  revealBodySchema,
  stepBodySchema,
  type ChatHistoryResponse,
  type NextRoundResponse,
  type SessionControl,
  type SessionControlAction,
  type SessionGuide,
  type SessionState,
  type SessionView,
  type TimelineResponse,
} from '@mockboard/protocol';
import type { Response } from 'express';
import { z } from 'zod';
import { CurrentAuth } from '../auth/auth.decorators';
import type { Authenticated } from '../auth/auth.service';
import { SessionsService } from '../sessions/sessions.service';
import { ChatService } from './chat.service';
import { actorIn } from './interview-actor';
import { InterviewService } from './interview.service';

/** Each REST command is its `session:control` action with the body's fields (rule I3). */
const commandSchemas: Record<SessionControlAction, z.ZodType<SessionControl>> = {
  start: emptyBodySchema.transform(() => ({ action: 'start' as const })),
  step: stepBodySchema.transform(({ step }) => ({ action: 'step' as const, step })),
  pause: emptyBodySchema.transform(() => ({ action: 'pause' as const })),
  resume: emptyBodySchema.transform(() => ({ action: 'resume' as const })),
  end: emptyBodySchema.transform(() => ({ action: 'end' as const })),
  reveal: revealBodySchema.transform(({ clarificationId }) => ({ action: 'reveal' as const, clarificationId })),
};

@Controller('sessions/:id')
export class InterviewController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly interview: InterviewService,
    private readonly chat: ChatService,
  ) {}

  @Post('start')
  @HttpCode(200)
  start(@CurrentAuth() auth: Authenticated, @Param('id') id: string, @Body() body: unknown): Promise<SessionState> {
    return this.control(auth, id, 'start', body);
  }

  @Post('step')
  @HttpCode(200)
  step(@CurrentAuth() auth: Authenticated, @Param('id') id: string, @Body() body: unknown): Promise<SessionState> {
    return this.control(auth, id, 'step', body);
  }

  @Post('pause')
  @HttpCode(200)
  pause(@CurrentAuth() auth: Authenticated, @Param('id') id: string, @Body() body: unknown): Promise<SessionState> {
    return this.control(auth, id, 'pause', body);
  }

  @Post('resume')
  @HttpCode(200)
  resume(@CurrentAuth() auth: Authenticated, @Param('id') id: string, @Body() body: unknown): Promise<SessionState> {
    return this.control(auth, id, 'resume', body);
  }

  @Post('end')
  @HttpCode(200)
  end(@CurrentAuth() auth: Authenticated, @Param('id') id: string, @Body() body: unknown): Promise<SessionState> {
    return this.control(auth, id, 'end', body);
  }

  @Post('reveal')
  @HttpCode(200)
  reveal(@CurrentAuth() auth: Authenticated, @Param('id') id: string, @Body() body: unknown): Promise<SessionState> {
    return this.control(auth, id, 'reveal', body);
  }

  /** Rule R6: the next round, seats reversed; 201 when this call made it, 200 when it existed. */
  @Post('swap')
  async swap(
    @CurrentAuth() auth: Authenticated,
    @Param('id') id: string,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionView> {
    const { session: next, created, previous } = await this.sessions.swap(auth.user.id, id, body);
    response.status(created ? 201 : 200);
    // Whoever is still in the ended room is taken to the next one (session:state's nextSessionId).
    if (created) await this.interview.pushState(previous);
    return next;
  }

  @Get('next-round')
  nextRound(@CurrentAuth() auth: Authenticated, @Param('id') id: string): Promise<NextRoundResponse> {
    return this.sessions.nextRound(auth.user.id, id);
  }

  @Get('state')
  async state(@CurrentAuth() auth: Authenticated, @Param('id') id: string): Promise<SessionState> {
    const { session } = await actorIn(this.sessions, auth, id);
    return this.interview.state(session);
  }

  @Get('guide')
  async guide(@CurrentAuth() auth: Authenticated, @Param('id') id: string): Promise<SessionGuide> {
    const { session, actor } = await actorIn(this.sessions, auth, id);
    return this.interview.guide(actor, session);
  }

  @Get('timeline')
  async timeline(@CurrentAuth() auth: Authenticated, @Param('id') id: string): Promise<TimelineResponse> {
    const { session, actor } = await actorIn(this.sessions, auth, id);
    return { events: await this.interview.events(actor, session) };
  }

  @Get('chat')
  async chatHistory(@CurrentAuth() auth: Authenticated, @Param('id') id: string): Promise<ChatHistoryResponse> {
    const { session } = await actorIn(this.sessions, auth, id);
    return { messages: await this.chat.history(session) };
  }

  private async control(auth: Authenticated, id: string, action: SessionControlAction, body: unknown): Promise<SessionState> {
    const { session, actor } = await actorIn(this.sessions, auth, id);
    return this.interview.control(actor, session, body, commandSchemas[action], 'rest');
  }
}

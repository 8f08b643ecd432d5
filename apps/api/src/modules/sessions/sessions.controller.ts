import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import {
  createSessionBodySchema,
  joinSessionBodySchema,
  type InvitePreview,
  type InviteResponse,
  type JoinSessionResponse,
  type SessionListResponse,
  type SessionView,
} from '@mockboard/protocol';
import type { Request } from 'express';
import type { z } from 'zod';
import { clientAddress } from '../../core/http/client-address';
import { ZodBodyPipe } from '../../core/http/zod-body.pipe';
import { CurrentAuth, Public } from '../auth/auth.decorators';
import type { Authenticated } from '../auth/auth.service';
import { SessionsService } from './sessions.service';

@Controller()
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Post('sessions')
  create(
    @CurrentAuth() auth: Authenticated,
    @Body(new ZodBodyPipe(createSessionBodySchema)) body: z.output<typeof createSessionBodySchema>,
  ): Promise<SessionView> {
    return this.sessions.create(auth.user.id, body);
  }

  @Post('sessions/join')
  @HttpCode(200)
  join(
    @CurrentAuth() auth: Authenticated,
    @Body(new ZodBodyPipe(joinSessionBodySchema)) body: z.output<typeof joinSessionBodySchema>,
    @Req() req: Request,
  ): Promise<JoinSessionResponse> {
    return this.sessions.join(auth.user.id, body.inviteCode, clientAddress(req));
  }

  @Public()
  @Get('invites/:code')
  previewInvite(@Param('code') code: string, @Req() req: Request): Promise<InvitePreview> {
    return this.sessions.previewInvite(code.slice(0, 64), clientAddress(req));
  }

  @Get('sessions')
  async list(@CurrentAuth() auth: Authenticated): Promise<SessionListResponse> {
    return { sessions: await this.sessions.list(auth.user.id) };
  }

  @Get('sessions/:id')
  get(@CurrentAuth() auth: Authenticated, @Param('id') id: string): Promise<SessionView> {
    return this.sessions.get(auth.user.id, id);
  }

  @Post('sessions/:id/invite/rotate')
  @HttpCode(200)
  rotate(@CurrentAuth() auth: Authenticated, @Param('id') id: string): Promise<InviteResponse> {
    return this.sessions.rotateInvite(auth.user.id, id);
  }

  /** The interviewer removes a participant, or a participant leaves; their room sockets close at once. */
  @Delete('sessions/:id/participants/:userId')
  @HttpCode(204)
  removeParticipant(@CurrentAuth() auth: Authenticated, @Param('id') id: string, @Param('userId') userId: string): Promise<void> {
    return this.sessions.removeParticipant(auth.user.id, id, userId);
  }
}

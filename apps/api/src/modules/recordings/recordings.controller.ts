import { Controller, Get, Header, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import type { RecordingView } from '@mockboard/protocol';
import { CurrentAuth } from '../auth/auth.decorators';
import type { Authenticated } from '../auth/auth.service';
import { actorIn } from '../interview/interview-actor';
import { SessionsService } from '../sessions/sessions.service';
import { RecordingsService } from './recordings.service';

/** A built recording never changes (a rebuild gives the same bytes): the player may cache its answers. */
const IMMUTABLE_WHILE_SIGNED_IN = 'private, max-age=3600';

@Controller('sessions/:id/recording')
export class RecordingsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly recordings: RecordingsService,
  ) {}

  @Get()
  async recording(@CurrentAuth() auth: Authenticated, @Param('id') id: string): Promise<RecordingView> {
    const { session, actor } = await actorIn(this.sessions, auth, id);
    return this.recordings.view(actor, session);
  }

  @Get('state')
  @Header('Content-Type', 'application/octet-stream')
  @Header('Cache-Control', IMMUTABLE_WHILE_SIGNED_IN)
  async state(@CurrentAuth() auth: Authenticated, @Param('id') id: string, @Query() query: unknown): Promise<StreamableFile> {
    const { session, actor } = await actorIn(this.sessions, auth, id);
    return new StreamableFile(await this.recordings.state(actor, session, query));
  }

  @Get('updates')
  @Header('Content-Type', 'application/octet-stream')
  @Header('Cache-Control', IMMUTABLE_WHILE_SIGNED_IN)
  async updates(@CurrentAuth() auth: Authenticated, @Param('id') id: string, @Query() query: unknown): Promise<StreamableFile> {
    const { session, actor } = await actorIn(this.sessions, auth, id);
    return new StreamableFile(await this.recordings.updates(actor, session, query));
  }

  @Post('retry')
  @HttpCode(202)
  async retry(@CurrentAuth() auth: Authenticated, @Param('id') id: string): Promise<RecordingView> {
    const { session, actor } = await actorIn(this.sessions, auth, id);
    return this.recordings.retry(actor, session);
  }
}

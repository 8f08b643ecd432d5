import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { AppConfig } from '@mockboard/config';
import {
  guestBodySchema,
  loginBodySchema,
  registerBodySchema,
  upgradeGuestBodySchema,
  type AuthResponse,
  type MeResponse,
} from '@mockboard/protocol';
import type { Request, Response } from 'express';
import type { z } from 'zod';
import { APP_CONFIG } from '../../core/config/config.module';
import { clientAddress } from '../../core/http/client-address';
import { ZodBodyPipe } from '../../core/http/zod-body.pipe';
import { sessionCookieOptions } from './auth-cookie';
import { CurrentAuth, Public } from './auth.decorators';
import { AuthService, type Authenticated } from './auth.service';
import { LoginThrottlerGuard } from './login-throttler.guard';
import { tokenFromRequest } from './request-token';
import { SESSION_COOKIE } from './session-token';

@Controller()
export class AuthController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly auth: AuthService,
  ) {}

  @Public()
  @Post('auth/register')
  async register(
    @Body(new ZodBodyPipe(registerBodySchema)) body: z.output<typeof registerBodySchema>,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AuthResponse> {
    return this.withCookie(res, await this.auth.register(body, req.get('user-agent') ?? null));
  }

  @Public()
  @UseGuards(LoginThrottlerGuard)
  @Post('auth/login')
  @HttpCode(200)
  async login(
    @Body(new ZodBodyPipe(loginBodySchema)) body: z.output<typeof loginBodySchema>,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AuthResponse> {
    return this.withCookie(res, await this.auth.login(body, req.get('user-agent') ?? null));
  }

  @Public()
  @Post('auth/guest')
  async guest(
    @Body(new ZodBodyPipe(guestBodySchema)) body: z.output<typeof guestBodySchema>,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AuthResponse> {
    return this.withCookie(res, await this.auth.continueAsGuest(body, req.get('user-agent') ?? null, clientAddress(req)));
  }

  @Post('auth/upgrade')
  @HttpCode(200)
  async upgrade(
    @CurrentAuth() auth: Authenticated,
    @Body(new ZodBodyPipe(upgradeGuestBodySchema)) body: z.output<typeof upgradeGuestBodySchema>,
  ): Promise<MeResponse> {
    return { user: await this.auth.upgradeGuest(auth.user.id, body) };
  }

  /** Public so that a browser holding an expired cookie can still clear it. */
  @Public()
  @Post('auth/logout')
  @HttpCode(204)
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const token = tokenFromRequest(req);
    if (token) await this.auth.logout(token);
    res.clearCookie(SESSION_COOKIE, { ...sessionCookieOptions(this.config), maxAge: undefined });
  }

  @Get('me')
  me(@CurrentAuth() auth: Authenticated): MeResponse {
    return { user: auth.user };
  }

  private withCookie(res: Response, result: AuthResponse): AuthResponse {
    res.cookie(SESSION_COOKIE, result.token, sessionCookieOptions(this.config));
    return result;
  }
}

import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AuthError } from './auth.errors';
import { IS_PUBLIC, type AuthenticatedRequest } from './auth.decorators';
import { AuthService } from './auth.service';
import { tokenFromRequest } from './request-token';

/** Global guard: every route requires a valid session unless marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const req = context.switchToHttp().getRequest<Request & Partial<AuthenticatedRequest>>();
    const token = tokenFromRequest(req);
    const auth = token ? await this.auth.authenticate(token) : undefined;
    if (!auth) throw AuthError.unauthorized();
    req.auth = auth;
    return true;
  }
}

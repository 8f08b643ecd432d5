import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Authenticated } from './auth.service';

export const IS_PUBLIC = 'auth:public';

/** Opts a route out of the global authentication guard. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

export interface AuthenticatedRequest {
  auth: Authenticated;
}

export const CurrentAuth = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): Authenticated => ctx.switchToHttp().getRequest<AuthenticatedRequest>().auth,
);

import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@mockboard/config';
import type { UserRow } from '@mockboard/db';
import type { AuthResponse, PublicUser } from '@mockboard/protocol';
import { APP_CONFIG } from '../../core/config/config.module';
import { AccessEvents } from '../../core/events/access-events';
import { AuthError } from './auth.errors';
import { AuthSessionsRepository } from './auth-sessions.repository';
import { GuestLimit } from './guest-limit.service';
import { PasswordHasher } from './password-hasher';
import { hashSessionToken, newSessionToken, SESSION_TTL_MS } from './session-token';
import { UsersRepository } from './users.repository';

export interface Authenticated {
  user: PublicUser;
  sessionId: string;
  /** When this sign-in ends by itself; a room socket opened with it is closed then (rule P10). */
  expiresAt: Date;
}

@Injectable()
export class AuthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly sessions: AuthSessionsRepository,
    private readonly passwords: PasswordHasher,
    private readonly guestLimit: GuestLimit,
    private readonly accessEvents: AccessEvents,
  ) {}

  async register(input: { email: string; password: string; displayName: string }, userAgent: string | null): Promise<AuthResponse> {
    const passwordHash = await this.passwords.hash(input.password);
    const user = await this.users.insert({ email: input.email, passwordHash, displayName: input.displayName, isGuest: false });
    if (!user) throw AuthError.emailTaken();
    return this.startSession(user, userAgent);
  }

  async login(input: { email: string; password: string }, userAgent: string | null): Promise<AuthResponse> {
    const user = await this.users.findByEmail(input.email);
    const valid = await this.passwords.verify(user?.passwordHash ?? null, input.password);
    if (!user || !valid) throw AuthError.invalidCredentials();
    return this.startSession(user, userAgent);
  }

  async continueAsGuest(input: { displayName: string }, userAgent: string | null, clientAddress: string): Promise<AuthResponse> {
    await this.guestLimit.take(clientAddress);
    const user = await this.users.insert({ email: null, passwordHash: null, displayName: input.displayName, isGuest: true });
    if (!user) throw new Error('Inserting a guest cannot conflict');
    return this.startSession(user, userAgent);
  }

  async upgradeGuest(userId: string, input: { email: string; password: string; displayName?: string }): Promise<PublicUser> {
    const current = await this.users.findById(userId);
    if (!current) throw AuthError.unauthorized();
    if (!current.isGuest) throw AuthError.notAGuest();
    const passwordHash = await this.passwords.hash(input.password);
    const user = await this.users.claimGuest(userId, { email: input.email, passwordHash, displayName: input.displayName });
    if (!user) throw AuthError.emailTaken();
    return toPublicUser(user);
  }

  async authenticate(token: string): Promise<Authenticated | undefined> {
    const found = await this.sessions.findUserByTokenHash(this.hash(token), new Date());
    return found && { user: toPublicUser(found.user), sessionId: found.sessionId, expiresAt: found.expiresAt };
  }

  /** Revokes the sign-in at once: its room sockets are closed too (docs/protocol.md, rule P10). */
  async logout(token: string): Promise<void> {
    const authSessionId = await this.sessions.deleteByTokenHash(this.hash(token));
    if (authSessionId) this.accessEvents.publish({ kind: 'signed_out', authSessionId });
  }

  private async startSession(user: UserRow, userAgent: string | null): Promise<AuthResponse> {
    const token = newSessionToken();
    await this.sessions.create({
      userId: user.id,
      tokenHash: this.hash(token),
      userAgent: userAgent?.slice(0, 300) ?? null,
      expiresAt: new Date(Date.now() + SESSION_TTL_MS),
    });
    return { user: toPublicUser(user), token };
  }

  private hash(token: string): string {
    return hashSessionToken(token, this.config.sessionSecret);
  }
}

export function toPublicUser(user: UserRow): PublicUser {
  return { id: user.id, email: user.email, displayName: user.displayName, isGuest: user.isGuest };
}

import type { AuthResponse, GuestBody, LoginBody, MeResponse, PublicUser, RegisterBody, UpgradeGuestBody } from '@mockboard/protocol';
import { api, ApiRequestError } from '../../../lib/api-client';

/** The signed-in user, or null when the browser holds no valid session. */
export async function fetchMe(): Promise<PublicUser | null> {
  try {
    return (await api.get<MeResponse>('/api/me')).user;
  } catch (error) {
    // 401 is the ordinary "not signed in" answer, not a failure to show.
    if (error instanceof ApiRequestError && error.status === 401) return null;
    throw error;
  }
}

export async function login(body: LoginBody): Promise<PublicUser> {
  return (await api.post<AuthResponse>('/api/auth/login', body)).user;
}

export async function register(body: RegisterBody): Promise<PublicUser> {
  return (await api.post<AuthResponse>('/api/auth/register', body)).user;
}

export async function continueAsGuest(body: GuestBody): Promise<PublicUser> {
  return (await api.post<AuthResponse>('/api/auth/guest', body)).user;
}

export async function upgradeGuest(body: UpgradeGuestBody): Promise<PublicUser> {
  return (await api.post<MeResponse>('/api/auth/upgrade', body)).user;
}

export async function logout(): Promise<void> {
  await api.post<undefined>('/api/auth/logout');
}

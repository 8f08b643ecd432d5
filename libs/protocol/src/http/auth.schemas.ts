import { z } from 'zod';

const email = z.email('must be a valid email address').max(254).transform((v) => v.toLowerCase());
const password = z
  .string('must be a string')
  .min(8, 'must be at least 8 characters')
  .max(256, 'must be at most 256 characters');
const displayName = z
  .string('must be a string')
  .trim()
  .min(1, 'must not be empty')
  .max(60, 'must be at most 60 characters');

export const registerBodySchema = z.strictObject({ email, password, displayName });
export const loginBodySchema = z.strictObject({ email, password: z.string('must be a string').min(1).max(256) });
export const guestBodySchema = z.strictObject({ displayName });
/** A guest keeps its id (and so its history) when it adds an email and password. */
export const upgradeGuestBodySchema = z.strictObject({ email, password, displayName: displayName.optional() });

export type RegisterBody = z.input<typeof registerBodySchema>;
export type LoginBody = z.input<typeof loginBodySchema>;
export type GuestBody = z.input<typeof guestBodySchema>;
export type UpgradeGuestBody = z.input<typeof upgradeGuestBodySchema>;

export interface PublicUser {
  id: string;
  email: string | null;
  displayName: string;
  isGuest: boolean;
}

export interface AuthResponse {
  user: PublicUser;
  token: string;
}

export interface MeResponse {
  user: PublicUser;
}

import { z } from 'zod';
import { displayNameSchema, secretTextSchema } from './text.schemas';

const email = z.email('must be a valid email address').max(254).transform((v) => v.toLowerCase());
const password = secretTextSchema(256).min(8, 'must be at least 8 characters');

export const registerBodySchema = z.strictObject({ email, password, displayName: displayNameSchema });
export const loginBodySchema = z.strictObject({ email, password: secretTextSchema(256).min(1, 'must not be empty') });
export const guestBodySchema = z.strictObject({ displayName: displayNameSchema });
/** A guest keeps its id (and so its history) when it adds an email and password. */
export const upgradeGuestBodySchema = z.strictObject({ email, password, displayName: displayNameSchema.optional() });

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

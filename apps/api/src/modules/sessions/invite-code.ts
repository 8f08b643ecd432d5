import { randomInt } from 'node:crypto';

/** No 0/O, 1/I/L: codes get read out loud and typed from a screen share. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const LENGTH = 10;

export function newInviteCode(): string {
  let code = '';
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

export function normaliseInviteCode(input: string): string {
  return input.trim().toUpperCase().replace(/[\s-]/g, '');
}

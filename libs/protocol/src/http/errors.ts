/** Every error the REST API can answer with; the body is always `{ error: { code, message } }`. */
export const API_ERROR_CODES = [
  'invalid_body',
  'payload_too_large',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'email_taken',
  'invalid_credentials',
  'not_a_guest',
  'rate_limited',
  'internal',
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string };
}

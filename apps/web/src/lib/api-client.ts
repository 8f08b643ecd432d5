import { API_ERROR_CODES, type ApiErrorBody, type ApiErrorCode } from '@mockboard/protocol';

/** A non-2xx answer from the API, or a request that never got one (code `network`). */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode | 'network',
    message: string,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Calls the same-origin API; the session travels in the httpOnly `mb_session` cookie, so no token is
 * handled here. Resolves with the parsed JSON body (undefined for 204) or throws an ApiRequestError.
 */
export async function apiRequest<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const response = await send(path, {
    method,
    headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const payload: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
  if (!response.ok) throw errorFrom(response.status, payload);
  return payload as T;
}

/** A binary GET (a recording's state and updates): the same cookie and errors, the body as bytes. */
export async function apiBytes(path: string): Promise<Uint8Array> {
  const response = await send(path, { headers: { accept: 'application/octet-stream' } });
  if (!response.ok) throw errorFrom(response.status, await response.json().catch(() => undefined));
  return new Uint8Array(await response.arrayBuffer());
}

async function send(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(path, { ...init, credentials: 'same-origin' });
  } catch {
    throw new ApiRequestError(0, 'network', 'Could not reach Mockboard. Check your connection and try again.');
  }
}

export const api = {
  get: <T>(path: string) => apiRequest<T>('GET', path),
  post: <T>(path: string, body?: unknown) => apiRequest<T>('POST', path, body),
};

function errorFrom(status: number, payload: unknown): ApiRequestError {
  if (isApiErrorBody(payload)) return new ApiRequestError(status, payload.error.code, payload.error.message);
  // A proxy or a crashed server answers without our error shape; keep the status so callers can still branch.
  return new ApiRequestError(status, 'internal', `Something went wrong (HTTP ${String(status)}). Please try again.`);
}

function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error: unknown = value.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    'message' in error &&
    typeof error.message === 'string' &&
    (API_ERROR_CODES as readonly unknown[]).includes(error.code)
  );
}

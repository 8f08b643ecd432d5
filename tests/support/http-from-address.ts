import { request } from 'node:http';
import type { JsonResponse } from './http';

export interface AddressedRequest {
  method?: string;
  body?: unknown;
  token?: string;
  /** A loopback address to connect from (127.0.0.0/8 all reach the server on Linux): another client address. */
  localAddress?: string;
  /** Sent as X-Forwarded-For, as a client behind (or pretending to be behind) a proxy would. */
  forwardedFor?: string;
}

/**
 * Like requestJson, but from a chosen local address and with a chosen X-Forwarded-For, for the limits keyed
 * by client address. node:http because fetch cannot pick its local address.
 */
export function requestFrom<T = unknown>(baseUrl: string, path: string, init: AddressedRequest = {}): Promise<JsonResponse<T>> {
  const url = new URL(path, baseUrl);
  const headers: Record<string, string> = {};
  const payload = init.body === undefined ? undefined : JSON.stringify(init.body);
  if (payload !== undefined) headers['content-type'] = 'application/json';
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.forwardedFor) headers['x-forwarded-for'] = init.forwardedFor;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: init.method ?? (payload === undefined ? 'GET' : 'POST'), headers, localAddress: init.localAddress },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            if (value !== undefined) responseHeaders.set(name, Array.isArray(value) ? value.join(', ') : value);
          }
          resolve({ status: res.statusCode ?? 0, body: (text ? JSON.parse(text) : undefined) as T, headers: responseHeaders });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

import type { AuthResponse, JoinSessionResponse, ParticipantRole, SessionView } from '@mockboard/protocol';

export interface BenchClient {
  token: string;
  userId: string;
  role: ParticipantRole;
}

export interface BenchRoom {
  sessionId: string;
  /** Client 0 created the session (interviewer), client 1 holds the candidate seat, the rest observe. */
  clients: BenchClient[];
}

const HTTP_CONCURRENCY = 16;

/**
 * Guests, not registered users: registering hashes a password with argon2, which would make the setup of
 * a thousand accounts take longer than the benchmark itself.
 */
export async function guest(url: string, displayName: string): Promise<{ token: string; userId: string }> {
  const body = await postJson<AuthResponse>(url, '/api/auth/guest', { displayName });
  return { token: body.token, userId: body.user.id };
}

/** One session per room: the first client creates it, every other client joins with the invite code. */
export async function createRooms(url: string, rooms: number, clientsPerRoom: number): Promise<BenchRoom[]> {
  return mapLimit(Array.from({ length: rooms }, (_, i) => i), HTTP_CONCURRENCY, async (index) => {
    const host = await guest(url, `bench-host-${index}`);
    const session = await postJson<SessionView>(url, '/api/sessions', { problemSlug: 'video-recommendation' }, host.token);
    if (!session.inviteCode) throw new Error('the session creator got no invite code');
    const clients: BenchClient[] = [{ ...host, role: session.myRole }];
    // Joins run one after another so the seat order is deterministic: candidate first, then observers.
    for (let c = 1; c < clientsPerRoom; c++) {
      const person = await guest(url, `bench-${index}-${c}`);
      const joined = await postJson<JoinSessionResponse>(url, '/api/sessions/join', { inviteCode: session.inviteCode }, person.token);
      clients.push({ ...person, role: joined.role });
    }
    return { sessionId: session.id, clients };
  });
}

async function postJson<T>(url: string, path: string, body: unknown, token?: string): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

/** Maps with at most `limit` calls in flight, keeping the input order. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

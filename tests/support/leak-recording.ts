/** How a string looks inside JSON text (a socket frame, a response body): quotes, backslashes and line breaks escaped. */
export const asJson = (text: string): string => JSON.stringify(text).slice(1, -1);

/** Everything one person received, for a leak test: raw socket frames and whole REST answers, as text. */
export class Recording {
  readonly frames: string[] = [];
  readonly responses: Array<{ what: string; status: number; text: string }> = [];

  constructor(private readonly baseUrl: string) {}

  /** Makes a request as `token` and keeps the whole answer, whatever its status. */
  async call(method: 'GET' | 'PUT' | 'POST', path: string, token: string, body?: unknown): Promise<{ status: number; text: string }> {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    this.responses.push({ what: `${method} ${path} -> ${response.status}`, status: response.status, text });
    return { status: response.status, text };
  }

  /** Where `text` appears, raw or JSON-escaped, if anywhere. */
  whereIs(text: string): string | undefined {
    const forms = [text, asJson(text)];
    return this.whereMatches((received) => forms.some((form) => received.includes(form)));
  }

  /** The first frame or answer that `test` accepts, described, if any. */
  whereMatches(test: RegExp | ((received: string) => boolean)): string | undefined {
    const accepts = typeof test === 'function' ? test : (received: string) => test.test(received);
    const frame = this.frames.find(accepts);
    if (frame) return `a socket frame: ${frame.slice(0, 200)}`;
    const response = this.responses.find((r) => accepts(r.text));
    return response && `${response.what}: ${response.text.slice(0, 200)}`;
  }

  /** The statuses answered to `method path`, in order. */
  statusesOf(method: string, path: string): number[] {
    return this.responses.filter((r) => r.what.startsWith(`${method} ${path} -> `)).map((r) => r.status);
  }
}

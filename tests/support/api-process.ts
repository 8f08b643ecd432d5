import { spawnBuiltApp, type BuiltAppProcess } from './built-app-process';

export interface ApiProcess extends BuiltAppProcess {
  baseUrl: string;
}

/** The built api in its own process (see spawnBuiltApp), listening on 127.0.0.1 unless `HOST` says otherwise. */
export function spawnApi(env: Record<string, string | undefined>): ApiProcess {
  return { ...spawnBuiltApp('api', { ...env, HOST: env.HOST ?? '127.0.0.1' }), baseUrl: `http://127.0.0.1:${env.PORT ?? '3000'}` };
}

/** Polls /api/health until the server answers (any status), or fails with the server's output. */
export async function waitForHealthy(api: ApiProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (api.child.exitCode !== null) throw new Error(`api exited early:\n${api.output()}`);
    try {
      await fetch(`${api.baseUrl}/api/health`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  throw new Error(`api did not answer within ${timeoutMs} ms:\n${api.output()}`);
}

import { Client } from 'pg';

/**
 * Throwaway databases for test and benchmark runs: each run creates its own on the Postgres server
 * (`serverUrl` points at any existing database there, e.g. `postgres`) and drops it at the end.
 */
export function databaseUrlFor(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function createDatabase(serverUrl: string, name: string): Promise<string> {
  await withPgClient(serverUrl, (client) => client.query(`create database ${quoteName(name)}`));
  return databaseUrlFor(serverUrl, name);
}

/** Terminates leftover connections (a killed server's pool) rather than waiting on them. */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withPgClient(serverUrl, (client) => client.query(`drop database if exists ${quoteName(name)} with (force)`));
}

/** One short-lived connection to `url`, closed whatever `fn` does. */
export async function withPgClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function quoteName(name: string): string {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`not a scratch database name: ${name}`);
  return `"${name}"`;
}

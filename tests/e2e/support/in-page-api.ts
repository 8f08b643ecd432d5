import type { Page } from '@playwright/test';

/**
 * POSTs JSON to the app from inside the page, so a cookie it sets lands in the browser. Not `page.request`:
 * that sends from Node, which cannot resolve the LAN host name (only Chromium maps it, see hosts.ts).
 */
export async function postJson(page: Page, path: string, data: unknown): Promise<number> {
  // fetch needs a document of the app's origin to run in, and a new tab has none yet.
  if (!page.url().startsWith('http')) await page.goto('/favicon.svg');
  return page.evaluate(async ({ path, body }) => {
    const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    return response.status;
  }, { path, body: JSON.stringify(data) });
}

/** Like postJson, and also returns the parsed answer (for ids the test needs next). */
export async function postJsonForBody<T>(page: Page, path: string, data: unknown): Promise<{ status: number; body: T }> {
  if (!page.url().startsWith('http')) await page.goto('/favicon.svg');
  return page.evaluate(async ({ path, body }) => {
    const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    return { status: response.status, body: (await response.json()) as T };
  }, { path, body: JSON.stringify(data) });
}

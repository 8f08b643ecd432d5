import type { Browser, Page } from '@playwright/test';
import { recordOffsiteRequests } from './hosts';

/**
 * A page in a fresh browser context (no shared cookies) at a laptop's size: 1280 px is wide enough for the
 * room's palette to keep its own column (apps/web/src/features/room/layout/room-layout.ts). With `offsite`,
 * every request leaving this machine is recorded there, for the spec to assert there were none.
 */
export async function newPage(browser: Browser, options: { offsite?: string[]; height?: number } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: options.height ?? 800 } });
  const page = await context.newPage();
  if (options.offsite) recordOffsiteRequests(page, options.offsite);
  return page;
}

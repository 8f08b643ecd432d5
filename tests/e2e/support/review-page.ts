import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Reading the review page (apps/web/src/features/review) by roles and names. The replayed board publishes
 * its element count as `data-element-count`, as the room does: the canvas itself cannot be inspected.
 */

export function reviewBoard(page: Page): Locator {
  return page.getByRole('region', { name: /^(Board at|Changes from) / });
}

export function sessionTime(page: Page): Locator {
  return page.getByRole('slider', { name: 'Session time' });
}

/** `83_000` -> `01:23`, as the page writes session times. */
export function momentText(atMs: number): string {
  const seconds = Math.floor(atMs / 1000);
  return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Moves the playhead with the keyboard, as a person would: Home, then one whole second per right arrow. */
export async function scrubTo(page: Page, atMs: number): Promise<void> {
  const slider = sessionTime(page);
  await slider.focus();
  await slider.press('Home');
  for (let second = 0; second < Math.floor(atMs / 1000); second++) await slider.press('ArrowRight');
  await expect(slider).toHaveAttribute('aria-valuetext', new RegExp(`^${momentText(atMs)} of`));
}

export async function expectBoardCount(page: Page, count: number): Promise<void> {
  await expect(reviewBoard(page)).toHaveAttribute('data-element-count', String(count), { timeout: 10_000 });
}

import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Steps shared by the browser specs that use a live room. The board's content is read from the room
 * element's `data-element-count` / `data-board-labels` attributes: the canvas itself cannot be inspected.
 */

/** Unique per test and per run, so the suite can run again against the same database. */
export function uniqueEmail(label: string): string {
  return `e2e-${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

export function room(page: Page): Locator {
  return page.locator('.room');
}

/** Signs up from the sign-up form; lands on the dashboard. */
export async function signUp(page: Page, displayName: string): Promise<void> {
  await page.goto('/signup');
  await page.getByLabel('Display name').fill(displayName);
  await page.getByLabel('Email').fill(uniqueEmail('room'));
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Create account' }).click();
}

/** Creates a session from the dashboard, which opens its room. */
export async function createSession(page: Page, problem: RegExp, minutes: '45 min' | '60 min'): Promise<void> {
  await page.getByRole('button', { name: 'New session' }).click();
  const dialog = page.getByRole('dialog', { name: 'New session' });
  await dialog.getByRole('radio', { name: problem }).check();
  await dialog.getByRole('radio', { name: minutes }).check();
  await dialog.getByRole('button', { name: 'Create session' }).click();
}

/** Connected, and the board received from the server (the loading overlay is gone). */
/** Opening a room loads Excalidraw and the board; on a busy 2-core runner that can take longer than 5 s. */
const ROOM_READY_TIMEOUT_MS = 15_000;

export async function expectRoomReady(page: Page): Promise<void> {
  await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}$/, { timeout: ROOM_READY_TIMEOUT_MS });
  await expect(room(page)).toHaveAttribute('data-connection', 'connected', { timeout: ROOM_READY_TIMEOUT_MS });
  await expect(page.getByRole('status').filter({ hasText: /Connecting to the room|Loading the board/ })).toHaveCount(0, { timeout: ROOM_READY_TIMEOUT_MS });
}

/** Draws a rectangle with Excalidraw's own tool; x/y are relative to the canvas, right of the style panel. */
export async function drawRectangle(page: Page, x: number, y: number): Promise<void> {
  // The toolbar's radio inputs sit under their icons.
  await page.getByTestId('toolbar-rectangle').click({ force: true });
  const canvas = page.locator('canvas.excalidraw__canvas.interactive');
  const box = await canvas.boundingBox();
  if (!box) throw new Error('the drawing canvas is not visible');
  await page.mouse.move(box.x + x, box.y + y);
  await page.mouse.down();
  await page.mouse.move(box.x + x + 120, box.y + y + 80, { steps: 6 });
  await page.mouse.up();
}

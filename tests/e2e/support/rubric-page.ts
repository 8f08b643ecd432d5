import { expect, type Locator, type Page } from '@playwright/test';

/** The interviewer's rubric panel, by its region, as a screen reader finds it. */
export function rubric(page: Page): Locator {
  return page.getByRole('region', { name: 'Rubric' });
}

/** Opens a step of the rubric by its tab (named "1. Clarify requirements, …"). */
export async function openRubricStep(page: Page, step: RegExp): Promise<void> {
  const tab = rubric(page).getByRole('tab', { name: step });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
}

/** Scores the open step: "1" to "4", or "Not covered". */
export async function scoreStep(page: Page, score: '1' | '2' | '3' | '4' | 'Not covered'): Promise<void> {
  const radio = rubric(page).getByRole('group', { name: 'Score' }).getByRole('radio', { name: score, exact: true });
  await radio.check();
  await expect(radio).toBeChecked();
}

/** Types a quick note and presses Enter, which adds it; the box empties once the server has it. */
export async function addQuickNote(page: Page, text: string): Promise<void> {
  const box = rubric(page).getByRole('textbox', { name: 'Quick note' });
  await box.fill(text);
  await box.press('Enter');
  await expect(box).toHaveValue('');
  await expect(rubric(page).getByRole('list', { name: 'Quick notes' })).toContainText(text);
}

/** The rubric's indicator says everything typed reached the server. */
export async function rubricSaved(page: Page): Promise<void> {
  await expect(rubric(page).getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
}

/** The role badge beside the problem's title in the room's header: "Interviewer" or "Candidate". */
export function myRoleBadge(page: Page): Locator {
  return page.getByRole('banner').locator('.badge--role');
}

/** GETs JSON from inside the page (its cookie, the LAN host name: see in-page-api.ts), expecting a 200. */
export async function getJson<T>(page: Page, path: string): Promise<T> {
  const { status, body } = await page.evaluate(async (url) => {
    const response = await fetch(url, { headers: { accept: 'application/json' } });
    return { status: response.status, body: (await response.json()) as unknown };
  }, path);
  expect(status, `GET ${path}`).toBe(200);
  return body as T;
}

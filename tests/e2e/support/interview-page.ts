import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Reading the interview parts of the room (agenda, problem, chat) by their regions and roles, as a person
 * using a screen reader would find them.
 */

export function agenda(page: Page): Locator {
  return page.getByRole('region', { name: 'Agenda' });
}

export function problem(page: Page): Locator {
  return page.getByRole('region', { name: 'Problem' });
}

export function chat(page: Page): Locator {
  return page.getByRole('region', { name: 'Chat' });
}

/** The agenda row of the step the interview is on. */
export function currentStep(page: Page): Locator {
  return agenda(page).locator('[aria-current="step"]');
}

/** The whole interview's clock, in seconds (it reads `mm:ss / mm:ss`). */
export async function interviewSeconds(page: Page): Promise<number> {
  return clockSeconds((await agenda(page).getByRole('timer').textContent()) ?? '');
}

/** `03:12` (or `1:03:12`) at the start of a clock's text, in seconds. */
export function clockSeconds(text: string): number {
  const match = /^\s*(?:(\d+):)?(\d{2}):(\d{2})/.exec(text);
  if (!match) throw new Error(`not a clock: ${JSON.stringify(text)}`);
  const [, hours = '0', minutes, seconds] = match;
  return Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
}

/** Both pages show the same step, and interview clocks at most `toleranceS` apart, read at the same moment. */
export async function expectSameClock(a: Page, b: Page, stepTitle: RegExp, toleranceS = 1): Promise<void> {
  for (const page of [a, b]) await expect(currentStep(page)).toContainText(stepTitle);
  const [first, second] = await Promise.all([interviewSeconds(a), interviewSeconds(b)]);
  expect(Math.abs(first - second)).toBeLessThanOrEqual(toleranceS);
}

/** Types into the chat box and presses Enter, which sends. */
export async function sendChat(page: Page, text: string): Promise<void> {
  const box = chat(page).getByRole('textbox', { name: 'Message' });
  await box.fill(text);
  await box.press('Enter');
  await expect(box).toHaveValue('');
}

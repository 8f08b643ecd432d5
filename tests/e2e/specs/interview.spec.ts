import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { SessionView } from '@mockboard/protocol';
import { newPage } from '../support/pages';
import { postJson, postJsonForBody } from '../support/in-page-api';
import { agenda, chat, currentStep, expectSameClock, interviewSeconds, problem, sendChat } from '../support/interview-page';
import { expectRoomReady, room, uniqueEmail } from '../support/room-page';

/**
 * Running an interview in two real browsers: the interviewer (signed up) leads it through the framework,
 * and the candidate (a guest who followed the invite link) sees the same agenda, clock, problem and chat,
 * live. Rules cited are docs/protocol.md's (I1 state, I2 controls, I4 guide, I5 chat).
 */

const TOOL_KEYS = { rectangle: 'r', ellipse: 'o', selection: 'v' } as const;

/**
 * Presses a tool's key and expects Excalidraw to pick that tool: the board had the keyboard. Pressed again
 * for a short while, since focus comes back to the board a moment after a popover closes.
 */
async function expectShortcutPicks(page: Page, name: keyof typeof TOOL_KEYS): Promise<void> {
  // The toolbar's radio inputs sit under their icons, and carry the checked state.
  const radio = page.getByTestId(`toolbar-${name}`);
  await expect(async () => {
    await page.keyboard.press(TOOL_KEYS[name]);
    await expect(radio).toBeChecked({ timeout: 250 });
  }).toPass({ timeout: 2_000 });
}

test('the interviewer runs the interview and the candidate follows it live: agenda, clock, clarifications, chat, coverage', async ({ browser }) => {
  // One scenario from sign-up to the debrief, in three browsers.
  test.setTimeout(120_000);
  const offsite: string[] = [];

  // The interviewer signs up and creates a session with a chosen problem.
  const interviewer = await newPage(browser, { offsite });
  expect(await postJson(interviewer, '/api/auth/register', { email: uniqueEmail('interview'), password: 'correct horse battery', displayName: 'Ivy Interviewer' })).toBe(201);
  const created = await postJsonForBody<SessionView>(interviewer, '/api/sessions', { problemSlug: 'video-recommendation', role: 'interviewer' });
  expect(created.status).toBe(201);
  const inviteUrl = created.body.inviteUrl ?? '';
  await interviewer.goto(`/sessions/${created.body.id}`);
  await expectRoomReady(interviewer);

  // Excalidraw's shortcuts work as soon as the room opens, without a click on the board first.
  await expectShortcutPicks(interviewer, 'rectangle');
  // ...and again after the Invite popover closes.
  await interviewer.getByRole('button', { name: 'Invite' }).click();
  await expect(interviewer.getByLabel('Invite link')).toHaveValue(inviteUrl);
  await interviewer.keyboard.press('Escape');
  await expect(interviewer.getByLabel('Invite link')).toHaveCount(0);
  await expectShortcutPicks(interviewer, 'ellipse');
  await expectShortcutPicks(interviewer, 'selection');

  // Before the start: the agenda says so, and the interviewer's guide is there (rule I4).
  await expect(agenda(interviewer)).toContainText('Not started');
  await expect(problem(interviewer).getByRole('button', { name: 'Reveal' }).first()).toBeVisible();

  // The candidate, a guest, follows the invite link into the room and reads the problem's prompt.
  const candidate = await newPage(browser, { offsite });
  expect(await postJson(candidate, '/api/auth/guest', { displayName: 'Cam Candidate' })).toBe(201);
  await candidate.goto(new URL(inviteUrl).pathname);
  await expectRoomReady(candidate);
  await expect(candidate).toHaveURL(interviewer.url());
  await expect(problem(candidate)).toContainText('A video-sharing platform opens on a home page of recommended videos');
  // No guide, no controls and no clarification answers for the candidate until one is revealed.
  await expect(problem(candidate).getByRole('button', { name: 'Reveal' })).toHaveCount(0);
  await expect(candidate.getByRole('button', { name: 'Start interview' })).toHaveCount(0);
  await expect(problem(candidate)).not.toContainText('About 10 million videos');

  // Chat works before the start, both ways (rule I5).
  await sendChat(candidate, 'Hi! Ready when you are.');
  await expect(chat(interviewer).getByRole('log')).toContainText('Hi! Ready when you are.');
  await sendChat(interviewer, 'Great, starting now.\nTake your time.');
  await expect(chat(candidate).getByRole('log')).toContainText('Great, starting now.');
  await expect(chat(candidate).getByRole('log').getByText('Ivy Interviewer')).toBeVisible();

  // The interviewer starts: both see the first step live, with the same clock (rule I1).
  await interviewer.getByRole('button', { name: 'Start interview' }).click();
  for (const page of [interviewer, candidate]) await expect(agenda(page)).toContainText('Live');
  await expectSameClock(interviewer, candidate, /Clarify requirements/);

  // Next step twice: once by the button, once by its keyboard shortcut with the board focused.
  await interviewer.getByRole('button', { name: 'Next step' }).click();
  await expect(currentStep(candidate)).toContainText('Frame as an ML task');
  await expect(interviewer.getByRole('button', { name: 'Next step' })).toHaveAttribute('aria-keyshortcuts', 'Alt+Shift+N');
  await interviewer.locator('canvas.excalidraw__canvas.interactive').click({ position: { x: 400, y: 500 } });
  await interviewer.keyboard.press('Alt+Shift+N');
  await expect(currentStep(candidate)).toContainText('Data preparation');
  await interviewer.waitForTimeout(2_100); // let the clocks run past a few seconds
  await expectSameClock(interviewer, candidate, /Data preparation/);
  await expect.poll(() => interviewSeconds(candidate)).toBeGreaterThanOrEqual(2);

  // Previous step goes back one; clicking a step in the agenda jumps to it.
  await interviewer.getByRole('button', { name: 'Previous step' }).click();
  await expect(currentStep(candidate)).toContainText('Frame as an ML task');
  await agenda(interviewer).getByRole('button', { name: /Data preparation/ }).click();
  await expect(currentStep(candidate)).toContainText('Data preparation');

  // A clarification revealed by the interviewer reaches the candidate, answer and all.
  const scale = problem(interviewer).getByRole('listitem').filter({ hasText: 'How many videos and users are there?' });
  await scale.getByRole('button', { name: 'Reveal' }).click();
  await expect(scale).toContainText('Revealed');
  await expect(problem(candidate)).toContainText('How many videos and users are there?');
  await expect(problem(candidate)).toContainText('About 10 million videos in the catalogue');

  // Coverage: the candidate places a component the problem expects; the interviewer's list ticks it.
  const coverage = problem(interviewer).getByRole('list', { name: 'Expected components' });
  const ann = coverage.getByRole('listitem').filter({ hasText: 'ANN / vector index' });
  await expect(ann).toHaveAttribute('data-present', 'false');
  await candidate.getByRole('complementary', { name: 'Components' }).getByRole('button', { name: 'ANN / vector index' }).click();
  await expect(ann).toHaveAttribute('data-present', 'true');
  await expect(ann).toContainText('on the board');

  // A reload of the candidate's page mid-session brings back the step and the clock.
  const beforeReload = await interviewSeconds(candidate);
  await candidate.reload();
  await expectRoomReady(candidate);
  await expect(currentStep(candidate)).toContainText('Data preparation');
  expect(await interviewSeconds(candidate)).toBeGreaterThanOrEqual(beforeReload);
  await expectSameClock(interviewer, candidate, /Data preparation/);
  await expect(problem(candidate)).toContainText('About 10 million videos in the catalogue');
  await expect(chat(candidate).getByRole('log')).toContainText('Hi! Ready when you are.');

  // Pause stops everyone's clock; Resume starts it again.
  await interviewer.getByRole('button', { name: 'Pause' }).click();
  await expect(agenda(candidate)).toContainText('Paused');
  const paused = await interviewSeconds(candidate);
  await candidate.waitForTimeout(1_500);
  expect(await interviewSeconds(candidate)).toBe(paused);
  await interviewer.getByRole('button', { name: 'Resume' }).click();
  await expect(agenda(candidate)).toContainText('Live');

  // Export (PNG at twice the SVG's size), then the board has the keyboard again.
  const sizes = { png: 0, svg: 0 };
  for (const [item, extension] of [['PNG image', 'png'], ['SVG (vector)', 'svg']] as const) {
    await interviewer.getByRole('button', { name: 'Export' }).click();
    const [download] = await Promise.all([interviewer.waitForEvent('download'), interviewer.getByRole('menuitem', { name: item }).click()]);
    await expect(interviewer.getByRole('menu', { name: 'Export the board' })).toHaveCount(0);
    const bytes = readFileSync(await download.path());
    // A PNG's width is the big-endian integer at bytes 16-19 (IHDR); an SVG's is its root `width`.
    sizes[extension] = extension === 'png' ? bytes.readUInt32BE(16) : Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(bytes.toString())?.[1]);
  }
  expect(sizes.svg).toBeGreaterThan(0);
  expect(Math.abs(sizes.png - 2 * sizes.svg)).toBeLessThanOrEqual(2);
  await expectShortcutPicks(interviewer, 'rectangle');
  await expectShortcutPicks(interviewer, 'selection');

  // Ending asks first; then both see the interview ended, and the chat stays open for the debrief.
  await interviewer.getByRole('button', { name: 'End interview' }).click();
  await interviewer.getByRole('button', { name: 'Yes, end it' }).click();
  for (const page of [interviewer, candidate]) await expect(agenda(page)).toContainText('Ended');
  await expect(interviewer.getByRole('button', { name: 'Next step' })).toHaveCount(0);
  await sendChat(candidate, 'Thanks, that was useful.');
  await expect(chat(interviewer).getByRole('log')).toContainText('Thanks, that was useful.');

  // Observers read the chat and the revealed clarifications, but have no box to write in.
  const observer = await newPage(browser, { offsite });
  expect(await postJson(observer, '/api/auth/guest', { displayName: 'Olive Observer' })).toBe(201);
  await observer.goto(new URL(inviteUrl).pathname);
  await expectRoomReady(observer);
  await expect(chat(observer)).toContainText('Observers read the chat.');
  await expect(chat(observer).getByRole('textbox')).toHaveCount(0);
  await expect(chat(observer).getByRole('log')).toContainText('Thanks, that was useful.');
  await expect(problem(observer)).toContainText('About 10 million videos in the catalogue');
  await expect(room(observer)).toHaveAttribute('data-element-count', '2');

  expect(offsite).toEqual([]);
});

test('the room fits at 1024 and 1280 px, and is readable on a phone', async ({ browser }) => {
  const page = await newPage(browser, { offsite: [] });
  expect(await postJson(page, '/api/auth/register', { email: uniqueEmail('layout'), password: 'correct horse battery', displayName: 'Lee Layout' })).toBe(201);
  const created = await postJsonForBody<SessionView>(page, '/api/sessions', { problemSlug: 'video-recommendation', role: 'interviewer' });
  await page.goto(`/sessions/${created.body.id}`);
  await expectRoomReady(page);

  for (const width of [1280, 1024, 390]) {
    await page.setViewportSize({ width, height: width > 500 ? 768 : 844 });
    // Nothing wider than the window: no sideways scrolling, nothing cut off at the right edge.
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    for (const name of ['Agenda', 'Problem', 'Chat', 'Whiteboard']) {
      const region = page.getByRole('region', { name });
      await region.scrollIntoViewIfNeeded();
      const box = await region.boundingBox();
      expect(box, name).not.toBeNull();
      expect(box!.x, `${name} at ${String(width)} px`).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width, `${name} at ${String(width)} px`).toBeLessThanOrEqual(width + 0.5);
      expect(box!.height, `${name} at ${String(width)} px`).toBeGreaterThan(40);
    }
    await expect(page.getByRole('heading', { level: 1, name: 'Video recommendations' })).toBeVisible();
    if (width >= 1024) {
      // Side by side: the board keeps the width Excalidraw needs for its desktop tools (730 px).
      const board = await page.getByRole('region', { name: 'Whiteboard' }).boundingBox();
      expect(board!.width).toBeGreaterThanOrEqual(730);
      await expect(page.getByRole('button', { name: 'Zoom in' })).toBeVisible();
    }
  }
});

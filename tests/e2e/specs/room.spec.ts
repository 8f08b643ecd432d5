import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { newPage } from '../support/pages';
import { postJson } from '../support/in-page-api';
import { createSession, drawRectangle, expectRoomReady, room, signUp } from '../support/room-page';

/**
 * The live room with two real browsers: an interviewer who signs up and creates the session, and a
 * candidate who follows the invite link as a guest.
 */

test('interviewer and candidate draw on one board, live; follow, per-person undo, export; the board survives a reload', async ({ browser }) => {
  const offsite: string[] = [];

  // The interviewer signs up and creates a session from the dashboard.
  const interviewer = await newPage(browser, { offsite });
  await signUp(interviewer, 'Ivy Interviewer');
  await createSession(interviewer, /^E-commerce search ranking/, '60 min');
  await expectRoomReady(interviewer);
  await expect(interviewer.getByRole('heading', { level: 1, name: 'E-commerce search ranking' })).toBeVisible();

  // The invite link is shown (and copied) by the Invite button.
  await interviewer.getByRole('button', { name: 'Invite' }).click();
  const inviteUrl = await interviewer.getByLabel('Invite link').inputValue();
  expect(inviteUrl).toMatch(/\/join\/[A-Z0-9]+$/);
  await interviewer.keyboard.press('Escape');

  // The candidate, signed out, opens it: the guest form comes first, then straight into the room.
  const candidate = await newPage(browser, { offsite });
  // The link carries the server's PUBLIC_URL host; the test server is reached through baseURL.
  await candidate.goto(new URL(inviteUrl).pathname);
  await expect(candidate).toHaveURL(/\/guest\?next=%2Fjoin%2F/);
  // The invite says who invites, and to which problem.
  await expect(candidate.getByText(/Ivy Interviewer invites you to a mock interview: E-commerce search ranking \(60 min\)/)).toBeVisible();
  await candidate.getByLabel('Display name').fill('Cam Candidate');
  await candidate.getByRole('button', { name: 'Continue as guest' }).click();
  await expectRoomReady(candidate);
  await expect(candidate).toHaveURL(interviewer.url());

  // Both see each other as present.
  await expect(interviewer.getByRole('button', { name: 'Follow Cam Candidate' })).toBeVisible();
  await expect(candidate.getByRole('button', { name: 'Follow Ivy Interviewer' })).toBeVisible();

  // Following: the interviewer's view takes the candidate's zoom, until the interviewer stops following.
  const zoom = (page: Page): Locator => page.getByRole('button', { name: 'Reset zoom' });
  await interviewer.getByRole('button', { name: 'Follow Cam Candidate' }).click();
  await candidate.getByRole('button', { name: 'Zoom in' }).click();
  await candidate.getByRole('button', { name: 'Zoom in' }).click();
  await expect(zoom(candidate)).not.toHaveText('100%');
  await expect(zoom(interviewer)).toHaveText((await zoom(candidate).textContent()) ?? '');
  await interviewer.getByRole('button', { name: 'Stop following Cam Candidate' }).click();
  const followedZoom = (await zoom(interviewer).textContent()) ?? '';
  await candidate.getByRole('button', { name: 'Reset zoom' }).click();
  await expect(zoom(candidate)).toHaveText('100%');
  await candidate.waitForTimeout(300); // presence is published every 50 ms: long enough for a wrong follow to show
  await expect(zoom(interviewer)).toHaveText(followedZoom);

  // Each draws a shape and sees the other's.
  await drawRectangle(interviewer, 320, 160);
  await expect(room(candidate)).toHaveAttribute('data-element-count', '1');
  await drawRectangle(candidate, 560, 360);
  await expect(room(interviewer)).toHaveAttribute('data-element-count', '2');

  // The palette places a labelled box (a rectangle and its text) that both see.
  await candidate.getByRole('button', { name: 'Feature store (online)' }).click();
  const labels = JSON.stringify(['Feature store (online)']);
  await expect(room(interviewer)).toHaveAttribute('data-board-labels', labels);
  await expect(room(interviewer)).toHaveAttribute('data-element-count', '4');

  // Undo takes back only your own change: the interviewer places a component after the candidate's, and the
  // candidate's undo removes the candidate's component, not the interviewer's later one. Redo restores it.
  await interviewer.getByRole('button', { name: 'Model registry' }).click();
  const both = JSON.stringify(['Feature store (online)', 'Model registry']);
  await expect(room(candidate)).toHaveAttribute('data-board-labels', both);
  await candidate.getByRole('button', { name: 'Undo' }).click();
  for (const page of [candidate, interviewer]) {
    await expect(room(page)).toHaveAttribute('data-board-labels', JSON.stringify(['Model registry']));
    await expect(room(page)).toHaveAttribute('data-element-count', '4');
  }
  await candidate.getByRole('button', { name: 'Redo' }).click();
  await expect(room(interviewer)).toHaveAttribute('data-board-labels', both);
  await expect(room(interviewer)).toHaveAttribute('data-element-count', '6');
  await expect(candidate.getByText('Saved', { exact: true })).toBeVisible();

  // The board exports as PNG and as SVG, named after the problem and the day.
  for (const [item, extension] of [['PNG image', 'png'], ['SVG (vector)', 'svg']] as const) {
    await interviewer.getByRole('button', { name: 'Export' }).click();
    const [download] = await Promise.all([interviewer.waitForEvent('download'), interviewer.getByRole('menuitem', { name: item }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^e-commerce-search-ranking-\\d{4}-\\d{2}-\\d{2}\\.${extension}$`));
    const bytes = readFileSync(await download.path());
    if (extension === 'png') expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    else expect(bytes.toString()).toMatch(/^<svg[\s\S]*Model registry[\s\S]*<\/svg>$/);
  }

  // The board is stored on the server: a reload brings it back.
  await candidate.reload();
  await expectRoomReady(candidate);
  await expect(room(candidate)).toHaveAttribute('data-element-count', '6');
  await expect(room(candidate)).toHaveAttribute('data-board-labels', both);

  // A third person with the same link can only watch.
  const observer = await newPage(browser, { offsite });
  expect(await postJson(observer, '/api/auth/guest', { displayName: 'Olive Observer' })).toBe(201);
  await observer.goto(new URL(inviteUrl).pathname);
  await expectRoomReady(observer);
  await expect(observer.getByText('Observing (read-only)')).toBeVisible();
  await expect(observer.getByRole('complementary', { name: 'Components' })).toHaveCount(0);
  await expect(room(observer)).toHaveAttribute('data-element-count', '6');

  // Fonts and everything else come from our own server.
  expect(offsite).toEqual([]);
});

test('an unknown invite code says the invite is not valid', async ({ page }) => {
  expect(await postJson(page, '/api/auth/guest', { displayName: 'Lost Guest' })).toBe(201);
  await page.goto('/join/NOSUCHCODE');
  await expect(page.getByRole('heading', { name: 'This invite is not valid' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to your sessions' })).toBeVisible();
});

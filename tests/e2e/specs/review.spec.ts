import { expect, test } from '@playwright/test';
import type { RecordingView, RubricNotesResponse } from '@mockboard/protocol';
import { agenda, sendChat } from '../support/interview-page';
import { expectBoardCount, momentText, reviewBoard, scrubTo, sessionTime } from '../support/review-page';
import { drawRectangle, room } from '../support/room-page';
import { addQuickNote, getJson } from '../support/rubric-page';
import { openSessionInTwoBrowsers } from '../support/two-browser-session';

/**
 * A session's recording, reviewed in two real browsers (docs/protocol.md, rules V1-V7): the page waits
 * while the interview runs, shows the build's progress when it ends, then plays the board back.
 */

/** Long enough between the two shapes that the moment between them is clear of both, log write delays included. */
const GAP_BETWEEN_SHAPES_MS = 5_000;

test('after a short session the review shows the build, then replays the board: one shape before the second was drawn, two after; a rubric note jumps to its moment', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const offsite: string[] = [];

  const { interviewer, candidate, sessionId } = await openSessionInTwoBrowsers(browser, 'review', offsite);

  // The interview: one shape, a pause, a second shape, a chat message and a rubric note.
  await interviewer.getByRole('button', { name: 'Start interview' }).click();
  await expect(agenda(candidate)).toContainText('Live');
  await drawRectangle(interviewer, 320, 160);
  await expect(room(candidate)).toHaveAttribute('data-element-count', '1');
  const firstDrawn = Date.now();
  await interviewer.waitForTimeout(GAP_BETWEEN_SHAPES_MS);
  const beforeSecond = Date.now();
  await drawRectangle(candidate, 560, 360);
  await expect(room(interviewer)).toHaveAttribute('data-element-count', '2');
  await sendChat(candidate, 'Two boxes: retrieval, then ranking');
  await addQuickNote(interviewer, 'Split retrieval from ranking');

  // The candidate opens the review while the interview still runs: it says so, and waits.
  const candidateReview = await candidate.context().newPage();
  await candidateReview.goto(`/sessions/${sessionId}/review`);
  await expect(candidateReview.getByRole('heading', { name: 'The interview is still going' })).toBeVisible();

  // A build this small may last a few milliseconds: the page notes every progress bar it renders.
  await candidateReview.evaluate(() => {
    const seen: string[] = [];
    Object.assign(window, { progressSeen: seen });
    new MutationObserver(() => {
      const bar = document.querySelector('[role="progressbar"][aria-label="Recording progress"]');
      if (bar) seen.push(bar.getAttribute('aria-valuenow') ?? '');
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });

  await interviewer.getByRole('button', { name: 'End interview' }).click();
  await interviewer.getByRole('button', { name: 'Yes, end it' }).click();
  await expect(agenda(candidate)).toContainText('Ended');

  // The build's progress shows live (pushed the moment the session ends), then the player.
  await expect(sessionTime(candidateReview)).toBeVisible({ timeout: 30_000 });
  const progressSeen = await candidateReview.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
  expect(progressSeen.length).toBeGreaterThan(0);
  expect(progressSeen.every((value) => /^\d+$/.test(value))).toBe(true);
  await expectBoardCount(candidateReview, 2);
  // The scorecard is not released: the candidate sees the chat, and no rubric note.
  await expect(candidateReview.getByRole('button', { name: /^Chat message at \d{2}:\d{2} from Cam Candidate/ })).toBeVisible();
  await expect(candidateReview.getByRole('button', { name: /^Rubric note at/ })).toHaveCount(0);

  // The interviewer opens it from the ended room, on the finished board.
  await interviewer.getByRole('link', { name: 'Review the recording' }).click();
  await expect(interviewer).toHaveURL(`/sessions/${sessionId}/review`);
  await expectBoardCount(interviewer, 2);
  await expect(interviewer.getByRole('region', { name: 'Chat so far' })).toContainText('Two boxes: retrieval, then ranking');

  // Scrubbing: before the start nothing, between the shapes one, at the end two.
  const recording = await getJson<RecordingView>(interviewer, `/api/sessions/${sessionId}/recording`);
  expect(recording.status).toBe('ready');
  const startedAt = Date.parse(recording.startedAt ?? '');
  const betweenShapes = Math.round((firstDrawn + beforeSecond) / 2 - startedAt);
  await scrubTo(interviewer, 0);
  await expectBoardCount(interviewer, 0);
  await scrubTo(interviewer, betweenShapes);
  await expectBoardCount(interviewer, 1);
  await sessionTime(interviewer).press('End');
  await expectBoardCount(interviewer, 2);

  // The rubric note's marker jumps to the moment it was written, when both shapes were there.
  const { notes } = await getJson<RubricNotesResponse>(interviewer, `/api/sessions/${sessionId}/rubric-notes`);
  const noteAt = notes[0]?.atMs ?? -1;
  expect(noteAt).toBeGreaterThan(betweenShapes);
  await scrubTo(interviewer, 0);
  await expectBoardCount(interviewer, 0);
  await interviewer.getByRole('button', { name: `Rubric note at ${momentText(noteAt)}: Split retrieval from ranking` }).click();
  await expect(sessionTime(interviewer)).toHaveAttribute('aria-valuetext', new RegExp(`^${momentText(noteAt)} of`));
  await expect(reviewBoard(interviewer)).toHaveAttribute('data-board-at', String(noteAt));
  await expectBoardCount(interviewer, 2);

  // And so does the same note in the scorecard beside the board.
  await scrubTo(interviewer, betweenShapes);
  await expectBoardCount(interviewer, 1);
  await interviewer.getByRole('list', { name: 'Rubric notes' }).getByRole('button', { name: `Go to ${momentText(noteAt)}: Split retrieval from ranking` }).click();
  await expect(reviewBoard(interviewer)).toHaveAttribute('data-board-at', String(noteAt));
  await expectBoardCount(interviewer, 2);

  expect(offsite).toEqual([]);
});

import { expect, test, type Route } from '@playwright/test';
import type { Scorecard } from '@mockboard/protocol';
import { agenda, currentStep } from '../support/interview-page';
import { expectRoomReady } from '../support/room-page';
import { addQuickNote, getJson, myRoleBadge, openRubricStep, rubric, rubricSaved, scoreStep } from '../support/rubric-page';
import { openSessionInTwoBrowsers } from '../support/two-browser-session';

/**
 * Scoring in two real browsers (docs/protocol.md, rules R2-R6): the interviewer scores in the private rubric
 * panel while the interview runs, the draft survives a reload, the card is submitted and released after the
 * end; the candidate rates the interviewer and reads the scorecard; "Swap roles" takes both into the next
 * round with the seats reversed.
 */

test('the interviewer scores privately, the draft survives a reload, the card is submitted and released; the candidate reads it and rates; Swap roles reverses the seats', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const offsite: string[] = [];

  const { interviewer, candidate, sessionId } = await openSessionInTwoBrowsers(browser, 'scoring', offsite);
  // The rubric is the interviewer's alone (R8): the candidate's room neither shows nor asks for it.
  const scorecardReads: string[] = [];
  candidate.on('request', (request) => {
    if (/\/(scorecard|rubric-notes)(\?|$)/.test(new URL(request.url()).pathname)) scorecardReads.push(request.url());
  });
  await expect(rubric(candidate)).toHaveCount(0);

  // The interviewer starts; the rubric follows the agenda's step.
  await interviewer.getByRole('button', { name: 'Start interview' }).click();
  await expect(agenda(candidate)).toContainText('Live');
  const panel = rubric(interviewer);
  await expect(panel.getByRole('tab', { name: /Clarify requirements/ })).toHaveAttribute('aria-selected', 'true');

  // Signals ticked, a score, notes for the step, and a quick note stamped with the session time and step.
  await panel.getByRole('checkbox', { name: 'Asked about scale and the latency budget before designing' }).check();
  await panel.getByRole('checkbox', { name: 'Found out what data and labels exist today' }).check();
  await scoreStep(interviewer, '3');
  await expect(panel).toContainText('Solid: covered what a strong answer covers');
  await panel.getByLabel('Notes on this step').fill('Asked for QPS and the p99 budget first.');
  await addQuickNote(interviewer, 'Strong opening questions');
  const note = panel.getByRole('list', { name: 'Quick notes' }).getByRole('listitem').filter({ hasText: 'Strong opening questions' });
  await expect(note).toContainText(/\d{2}:\d{2}/);
  await expect(note).toContainText('Clarify requirements');
  await rubricSaved(interviewer);

  // A reload finds the draft as it was.
  await interviewer.reload();
  await expectRoomReady(interviewer);
  await expect(panel.getByRole('checkbox', { name: 'Asked about scale and the latency budget before designing' })).toBeChecked();
  await expect(panel.getByRole('checkbox', { name: 'Found out what data and labels exist today' })).toBeChecked();
  await expect(panel.getByRole('checkbox', { name: 'Asked what the business is trying to achieve before proposing anything' })).not.toBeChecked();
  await expect(panel.getByRole('group', { name: 'Score' }).getByRole('radio', { name: '3', exact: true })).toBeChecked();
  await expect(panel.getByLabel('Notes on this step')).toHaveValue('Asked for QPS and the p99 budget first.');
  await expect(panel.getByRole('list', { name: 'Quick notes' })).toContainText('Strong opening questions');
  await rubricSaved(interviewer);

  // A second interviewer tab opens on the same draft.
  const secondTab = await interviewer.context().newPage();
  await secondTab.goto(`/sessions/${sessionId}`);
  await expect(rubric(secondTab).getByRole('checkbox', { name: 'Found out what data and labels exist today' })).toBeChecked();
  await expect(rubric(secondTab).getByRole('group', { name: 'Score' }).getByRole('radio', { name: '3', exact: true })).toBeChecked();
  await secondTab.close();

  // Offline: the panel says so and keeps retrying; a reload meanwhile restores the unsent change from the
  // browser, and it reaches the server once the connection is back.
  const blockSaves = (route: Route) => (route.request().method() === 'PUT' ? route.abort('internetdisconnected') : route.continue());
  await interviewer.route('**/api/sessions/*/scorecard', blockSaves);
  const constraints = panel.getByRole('checkbox', { name: 'Raised constraints such as privacy, freshness, cold start or cost' });
  await constraints.check();
  await expect(panel.getByRole('status').filter({ hasText: 'Offline — retrying' })).toBeVisible();
  await interviewer.reload();
  await expectRoomReady(interviewer);
  await expect(constraints).toBeChecked();
  await interviewer.unroute('**/api/sessions/*/scorecard', blockSaves);
  await rubricSaved(interviewer);
  const stored = await getJson<Scorecard>(interviewer, `/api/sessions/${sessionId}/scorecard`);
  expect(stored.steps[0]?.signals).toEqual(['req-scale-latency', 'req-data-available', 'req-constraints']);

  // The panel moves with the interview; any step can still be opened by hand.
  await interviewer.getByRole('button', { name: 'Next step' }).click();
  await expect(currentStep(interviewer)).toContainText('Frame as an ML task');
  await expect(panel.getByRole('tab', { name: /Frame as an ML task/ })).toHaveAttribute('aria-selected', 'true');
  await scoreStep(interviewer, '2');
  for (const [step, score] of [
    [/Data preparation/, '4'],
    [/Model development/, '3'],
    [/Evaluation/, '2'],
    [/Deployment and serving/, 'Not covered'],
  ] as const) {
    await openRubricStep(interviewer, step);
    await scoreStep(interviewer, score);
  }
  await panel.getByText('Overall', { exact: true }).click();
  await panel.getByLabel('Recommendation').selectOption({ label: 'Lean hire' });
  await panel.getByLabel('Message to the candidate').fill('Good structure; go deeper on serving next time.');
  await rubricSaved(interviewer);

  // The end: the candidate can rate the interviewer until the card is released.
  await interviewer.getByRole('button', { name: 'End interview' }).click();
  await interviewer.getByRole('button', { name: 'Yes, end it' }).click();
  await expect(agenda(candidate)).toContainText('Ended');
  expect(scorecardReads).toEqual([]);
  await candidate.getByRole('link', { name: 'Rate your interviewer' }).click();
  await expect(candidate).toHaveURL(`/sessions/${sessionId}/scorecard`);
  await candidate.getByRole('radiogroup', { name: 'Helpfulness' }).getByRole('radio', { name: '4', exact: true }).check();
  await candidate.getByRole('button', { name: 'Send feedback' }).click();
  await expect(candidate.getByRole('status').filter({ hasText: 'Feedback sent' })).toBeVisible();

  // Submit names what is missing (the server's words), then goes through once the card is complete.
  await interviewer.getByRole('button', { name: 'Submit scorecard' }).click();
  await expect(panel.getByRole('alert')).toContainText('monitoring');
  await openRubricStep(interviewer, /Monitoring/);
  await scoreStep(interviewer, 'Not covered');
  await interviewer.getByRole('button', { name: 'Submit scorecard' }).click();
  await expect(panel).toContainText('Submitted');
  await expect(panel.getByRole('group', { name: 'Score' }).getByRole('radio', { name: 'Not covered' })).toBeDisabled();
  await interviewer.getByRole('button', { name: 'Release to candidate' }).click();
  await interviewer.getByRole('button', { name: 'Yes, release' }).click();
  await expect(panel).toContainText('Released');

  // The candidate reads the scorecard: the marks, the ticked signals and the message.
  await candidate.reload();
  await expect(candidate.getByRole('heading', { level: 1, name: 'Scorecard' })).toBeVisible();
  await expect(candidate.locator('main')).toContainText('Asked about scale and the latency budget before designing');
  await expect(candidate.locator('main')).toContainText('Good structure; go deeper on serving next time.');
  await expect(candidate.locator('main')).toContainText('Lean hire');
  await expect(candidate.locator('main')).toContainText('Strong opening questions');

  // Back in the room, the candidate, who interviews next, picks the next problem and swaps roles; the
  // interviewer, still in the old room, is taken along.
  await candidate.goto(`/sessions/${sessionId}`);
  await expectRoomReady(candidate);
  await expect(candidate.getByRole('link', { name: 'Scorecard' })).toBeVisible();
  await candidate.getByRole('combobox', { name: "Next round's problem" }).selectOption({ label: 'ETA prediction' });
  await candidate.getByRole('button', { name: 'Swap roles' }).click();
  await expect(candidate).not.toHaveURL(`/sessions/${sessionId}`);
  await expect(candidate).toHaveURL(/\/sessions\/[0-9a-f-]{36}$/);
  const nextUrl = candidate.url();
  await expect(interviewer).toHaveURL(nextUrl, { timeout: 10_000 });
  await expectRoomReady(candidate);
  await expectRoomReady(interviewer);
  await expect(interviewer.getByRole('heading', { level: 1, name: 'ETA prediction' })).toBeVisible();
  await expect(myRoleBadge(candidate)).toHaveText('Interviewer');
  await expect(myRoleBadge(interviewer)).toHaveText('Candidate');
  await expect(candidate.getByRole('status').filter({ hasText: 'Roles swapped' })).toContainText('You are the interviewer in this round.');
  await expect(rubric(candidate)).toBeVisible();
  await expect(interviewer.getByRole('status').filter({ hasText: 'Roles swapped' })).toContainText('You are the candidate in this round.');
  await expect(rubric(interviewer)).toHaveCount(0);

  expect(offsite).toEqual([]);
});

import { FRAMEWORK_STEPS } from '@mockboard/interview';
import { expect, test, type Page } from '@playwright/test';
import { postJson, postJsonForBody } from '../support/in-page-api';
import { newPage } from '../support/pages';
import { signUp } from '../support/room-page';

/**
 * After the interview, from the candidate's side: the dashboard's Past group with the score, the scorecard
 * page (scores, signals, a quick note at its session time, the Markdown download), the rating of the
 * interviewer (sent before release, read-only after), the progress page (averages, trend chart, coverage,
 * suggestion), and "Swap roles" into the next round. The interview itself is scripted through the API; the
 * room's own flows are covered by the interview and scoring specs.
 */

const PROBLEM = { slug: 'fraud-detection', title: 'Payment fraud detection' };

// Six steps scored (3+2+4+3+2+3 = 17, an average of 2.8), serving not covered.
const SCORES = { requirements: 3, framing: 2, data: 4, model: 3, evaluation: 2, serving: 'not_covered', monitoring: 3 } as const;

/** A request from inside the page (with its cookie): the status, the content type and the body as text. */
async function callApi(page: Page, method: 'GET' | 'PUT', path: string, data?: unknown): Promise<{ status: number; type: string; text: string }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(path, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body });
      return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
    },
    { method, path, body: data === undefined ? undefined : JSON.stringify(data) },
  );
}

async function expectOk(status: Promise<number>, what: string): Promise<void> {
  expect(await status, what).toBeLessThan(300);
}

test('the candidate reads the released scorecard, rates the interviewer, sees their progress and swaps roles', async ({ browser }) => {
  // Two sign-ups, a scripted interview and four pages: about 15 s alone, more on a loaded CI machine.
  test.setTimeout(90_000);
  const interviewer = await newPage(browser, { height: 900 });
  await signUp(interviewer, 'Iris Interviewer');
  await expect(interviewer.getByRole('heading', { level: 1, name: 'Your sessions' })).toBeVisible();
  const candidate = await newPage(browser, { height: 900 });
  await signUp(candidate, 'Cal Candidate');
  await expect(candidate.getByRole('heading', { level: 1, name: 'Your sessions' })).toBeVisible();

  // Before any released scorecard the progress page says how to get one.
  await candidate.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
  await expect(candidate.getByRole('heading', { level: 1, name: 'My progress' })).toBeVisible();
  await expect(candidate.getByText('No released scorecard yet')).toBeVisible();

  // The interview, scripted: create, join, start, a quick note, end, a full scorecard, submit.
  const created = await postJsonForBody<{ id: string; inviteCode: string }>(interviewer, '/api/sessions', { problemSlug: PROBLEM.slug, role: 'interviewer', durationMinutes: 45 });
  expect(created.status).toBe(201);
  const sessionId = created.body.id;
  const base = `/api/sessions/${sessionId}`;
  await expectOk(postJson(candidate, '/api/sessions/join', { inviteCode: created.body.inviteCode }), 'join');
  await expectOk(postJson(interviewer, `${base}/start`, {}), 'start');
  await expectOk(postJson(interviewer, `${base}/rubric-notes`, { text: 'Asked about chargeback delay early.', step: 'data' }), 'quick note');
  await expectOk(postJson(interviewer, `${base}/end`, {}), 'end');
  const card = {
    steps: FRAMEWORK_STEPS.map((step) => ({
      step: step.id,
      score: SCORES[step.id],
      signals: step.id === 'data' ? ['data-sources-labels', 'data-imbalance'] : [],
      notes: step.id === 'data' ? 'Handled the class imbalance well.' : '',
    })),
    recommendation: 'lean_hire',
    strengths: 'Clear requirements and data work.',
    improvements: 'Say more about evaluation metrics.',
    message: 'Nice session, thanks!',
  };
  expect((await callApi(interviewer, 'PUT', `${base}/scorecard`, card)).status).toBe(200);
  await expectOk(postJson(interviewer, `${base}/scorecard/submit`, {}), 'submit');

  // Before release: the dashboard says the scorecard waits, and the scorecard page says so too.
  await candidate.goto('/');
  const past = candidate.getByRole('region', { name: 'Past' });
  const row = past.getByRole('listitem').filter({ hasText: PROBLEM.title });
  await expect(row).toContainText('With Iris Interviewer (interviewer)');
  await expect(row).toContainText('Scorecard not released yet');
  await expect(row.getByRole('link', { name: /^Scorecard/ })).toHaveCount(0);
  await candidate.goto(`/sessions/${sessionId}/scorecard`);
  await expect(candidate.getByRole('heading', { name: 'Your interviewer has not released the scorecard yet' })).toBeVisible();
  await expect(candidate.getByRole('link', { name: 'Download as Markdown' })).toHaveCount(0);

  // The candidate rates the interviewer meanwhile (it can change until release).
  const feedback = candidate.getByRole('region', { name: 'How helpful was your interviewer?' });
  const helpfulness = feedback.getByRole('radiogroup', { name: 'Helpfulness' });
  await expect(helpfulness.getByRole('radio')).toHaveCount(4);
  await expect(helpfulness.getByRole('radio', { name: '4' })).toHaveAccessibleDescription('Very helpful');
  await helpfulness.getByRole('radio', { name: '3' }).check();
  await feedback.getByLabel('Comment').fill('Good hints when I got stuck on labels.');
  await feedback.getByRole('button', { name: 'Send feedback' }).click();
  await expect(feedback.getByText('Feedback sent.')).toBeVisible();
  const sent = JSON.parse((await callApi(candidate, 'GET', `${base}/feedback`)).text) as { feedback: { helpfulness: number; comment: string } };
  expect(sent.feedback).toMatchObject({ helpfulness: 3, comment: 'Good hints when I got stuck on labels.' });
  // The interviewer cannot read it before releasing.
  expect((await callApi(interviewer, 'GET', `${base}/feedback`)).status).toBe(403);

  await expectOk(postJson(interviewer, `${base}/scorecard/release`, {}), 'release');

  // After release: the dashboard shows the score and a link to the scorecard.
  await candidate.goto('/');
  await expect(row).toContainText('Lean hire · 2.8 / 4');
  await expect(row).not.toContainText('not released');
  await row.getByRole('link', { name: /^Scorecard/ }).click();
  await expect(candidate).toHaveURL(new RegExp(`/sessions/${sessionId}/scorecard$`));

  // The scorecard: each step's score with its anchor, the signals observed, the notes, the written feedback.
  await expect(candidate.getByRole('heading', { level: 1, name: 'Scorecard' })).toBeVisible();
  const summary = candidate.getByRole('region', { name: 'Summary' });
  await expect(summary).toContainText('Lean hire');
  await expect(summary).toContainText('2.8 / 4');
  const data = candidate.getByRole('region', { name: '3. Data preparation' });
  await expect(data).toContainText('4 / 4');
  await expect(data).toContainText('Exceptional');
  await expect(data.getByRole('list', { name: 'Observed' }).getByRole('listitem')).toHaveText([
    'Named the data sources and how labels are obtained (explicit, implicit, delayed)',
    'Dealt with sampling and class imbalance',
  ]);
  await expect(data).toContainText('Handled the class imbalance well.');
  await expect(candidate.getByRole('region', { name: '2. Frame as an ML task' })).toContainText('2 / 4');
  await expect(candidate.getByRole('region', { name: '6. Deployment and serving' })).toContainText('Not covered');
  await expect(candidate.getByText('Say more about evaluation metrics.')).toBeVisible();
  await expect(candidate.getByText('Nice session, thanks!')).toBeVisible();
  const notes = candidate.getByRole('region', { name: 'Notes during the interview' });
  await expect(notes.getByRole('listitem')).toHaveCount(1);
  await expect(notes.getByRole('listitem')).toContainText(/^\d\d:\d\dData preparationAsked about chargeback delay early\.$/);

  // The Markdown download is the server's export of the same scorecard.
  const markdownLink = candidate.getByRole('link', { name: 'Download as Markdown' });
  await expect(markdownLink).toHaveAttribute('href', `${base}/scorecard.md`);
  const [download] = await Promise.all([candidate.waitForEvent('download'), markdownLink.click()]);
  expect(download.suggestedFilename()).toBe(`scorecard-${sessionId}.md`);
  const markdown = await callApi(candidate, 'GET', `${base}/scorecard.md`);
  expect(markdown.status).toBe(200);
  expect(markdown.type).toMatch(/^text\/markdown/);
  expect(markdown.text).toContain('Payment fraud detection');

  // The rating is final now: shown, not editable.
  await expect(feedback).toContainText('You rated your interviewer 3 of 4: Helpful.');
  await expect(feedback).toContainText('Good hints when I got stuck on labels.');
  await expect(feedback.getByRole('button', { name: 'Send feedback' })).toHaveCount(0);
  expect((await callApi(candidate, 'PUT', `${base}/feedback`, { helpfulness: 1, comment: '' })).status).toBe(409);

  // The interviewer reads the rating on their scorecard page.
  await interviewer.goto(`/sessions/${sessionId}/scorecard`);
  await expect(interviewer.getByRole('region', { name: 'The candidate’s feedback' })).toContainText('The candidate rated you 3 of 4: Helpful.');

  // Progress: step averages, the trend chart, the coverage grid and the weakest step.
  await candidate.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
  await expect(candidate.getByRole('heading', { level: 1, name: 'My progress' })).toBeVisible();
  const averages = candidate.getByRole('table', { name: 'Average score per step' });
  await expect(averages.getByRole('row', { name: /^3\. Data preparation/ })).toContainText('4.0');
  await expect(averages.getByRole('row', { name: /^3\. Data preparation/ })).toContainText('1 interview');
  await expect(averages.getByRole('row', { name: /^6\. Deployment and serving/ })).toContainText('0 interviews');
  await expect(candidate.locator('.trend-chart .recharts-wrapper > svg.recharts-surface')).toBeVisible();
  await expect(candidate.locator('.trend-chart .recharts-line')).toHaveCount(6);
  const coverage = candidate.getByRole('table', { name: 'Coverage' });
  const coverageRow = coverage.getByRole('row', { name: new RegExp(PROBLEM.title) });
  await expect(coverageRow.getByRole('cell')).toHaveText(['3', '2', '4', '3', '2', 'Not covered', '3']);
  const suggestion = candidate.getByRole('region', { name: 'What to practise next' });
  await expect(suggestion).toContainText('Your weakest step is Frame as an ML task: try');
  // A suggested problem opens a new session with it chosen and the user as the candidate.
  const suggested = suggestion.getByRole('button').first();
  const suggestedTitle = (await suggested.textContent()) ?? '';
  expect(suggestedTitle).not.toBe(PROBLEM.title);
  await suggested.click();
  const dialog = candidate.getByRole('dialog', { name: 'New session' });
  await expect(dialog.getByRole('radio', { name: suggestedTitle, exact: true })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: 'Candidate', exact: true })).toBeChecked();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Swap roles from the scorecard: the next round, seats reversed, linked both ways.
  await candidate.goto(`/sessions/${sessionId}/scorecard`);
  await candidate.getByRole('button', { name: 'Swap roles' }).click();
  await expect(candidate).toHaveURL(/\/sessions\/[0-9a-f-]{36}$/);
  const nextId = new URL(candidate.url()).pathname.split('/').pop() ?? '';
  expect(nextId).not.toBe(sessionId);
  const next = JSON.parse((await callApi(candidate, 'GET', `/api/sessions/${nextId}`)).text) as { myRole: string; previousSessionId: string };
  expect(next).toMatchObject({ myRole: 'interviewer', previousSessionId: sessionId });
  await interviewer.goto('/');
  const upcoming = interviewer.getByRole('region', { name: 'Upcoming' });
  await expect(upcoming.getByRole('listitem').first()).toContainText('You are the Candidate');
  await expect(upcoming.getByRole('link', { name: /^Previous round/ })).toHaveAttribute('href', `/sessions/${sessionId}`);
  await expect(interviewer.getByRole('region', { name: 'Past' }).getByRole('link', { name: /^Next round/ })).toHaveAttribute('href', `/sessions/${nextId}`);
});

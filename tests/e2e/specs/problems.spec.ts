import { FRAMEWORK_STEPS } from '@mockboard/interview';
import { expect, test, type Page } from '@playwright/test';
import { newPage } from '../support/pages';
import { signUp } from '../support/room-page';

/**
 * Custom problems end to end: a signed-up user writes one through the editor, finds it in the new-session
 * picker, runs a session with it and invites someone, who sees which problem it is but cannot read it.
 */

/** A request from inside the page (with its cookie), answering the status and the parsed body if any. */
async function callApi(page: Page, method: 'GET' | 'DELETE', path: string): Promise<{ status: number; body: unknown }> {
  return page.evaluate(
    async ({ method, path }) => {
      const response = await fetch(path, { method });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
    },
    { method, path },
  );
}

test('a user writes a problem, runs a session with it and invites someone who cannot read it', async ({ browser }) => {
  const title = `Spam filter ${Date.now().toString(36)}`;
  const author = await newPage(browser, { height: 900 });
  await signUp(author, 'Pat Author');
  await expect(author.getByRole('heading', { level: 1, name: 'Your sessions' })).toBeVisible();

  // From the dashboard to an empty list of own problems, then to the editor.
  await author.getByRole('link', { name: 'My problems' }).click();
  await expect(author.getByText('No problems of your own yet')).toBeVisible();
  await author.getByRole('link', { name: 'New problem' }).click();
  await expect(author).toHaveURL(/\/problems\/new$/);

  await author.getByLabel('Title', { exact: true }).fill(title);
  await author.getByLabel('Summary', { exact: true }).fill('Keep spam out of a mail service’s inboxes.');
  await author.getByLabel('Prompt', { exact: true }).fill('Design the spam filter of a mail service with a billion mailboxes.');
  await author.getByLabel('Task type', { exact: true }).selectOption('classification');
  await author.getByLabel('Difficulty', { exact: true }).selectOption('hard');
  await author.getByLabel('Tags', { exact: true }).fill('email, abuse');
  await author.getByRole('button', { name: 'Add clarification' }).click();
  const clarification = author.getByRole('group', { name: 'Clarification 1' });
  await clarification.getByLabel('Question').fill('How much mail arrives?');
  await clarification.getByLabel('Answer').fill('About 100,000 messages a second at peak.');

  // Saving without the guide's strong answers is refused before any request, next to each step's field,
  // and the collapsed steps open to show them.
  await author.getByRole('button', { name: 'Create problem' }).click();
  await expect(author.getByText('Fix the 7 fields marked in red, then save again.')).toBeVisible();
  await expect(author.getByText('Write what a strong answer covers in this step')).toHaveCount(7);
  await expect(author).toHaveURL(/\/problems\/new$/);

  for (const [index, step] of FRAMEWORK_STEPS.entries()) {
    const section = author.getByRole('region', { name: `${String(index + 1)}. ${step.title}` });
    await section.getByLabel('Strong answer').fill(`A strong answer for ${step.title.toLowerCase()}.`);
  }
  const data = author.getByRole('region', { name: /^3\. / });
  await data.getByLabel('Probes').fill('Where do spam labels come from?\n- How late do user reports arrive?');
  await author.getByRole('checkbox', { name: 'Inference service', exact: true }).check();
  await author.getByRole('checkbox', { name: 'Labeling', exact: true }).check();
  await author.getByRole('button', { name: 'Create problem' }).click();

  await expect(author).toHaveURL(/\/problems$/);
  await expect(author.getByText(`Saved “${title}”.`)).toBeVisible();
  const row = author.getByRole('listitem').filter({ hasText: title });
  await expect(row).toContainText('Keep spam out of a mail service’s inboxes.');
  await expect(row).toContainText('Classification');
  await expect(row).toContainText('#email');

  // Editing loads the whole problem back, guide included.
  await row.getByRole('link', { name: `Edit ${title}` }).click();
  await expect(author.getByLabel('Title', { exact: true })).toHaveValue(title);
  await author.getByRole('button', { name: 'Expand all steps' }).click();
  await expect(author.getByRole('region', { name: /^3\. / }).getByLabel('Probes')).toHaveValue(
    'Where do spam labels come from?\nHow late do user reports arrive?',
  );
  await expect(author.getByRole('checkbox', { name: 'Labeling', exact: true })).toBeChecked();
  await author.getByLabel('Summary', { exact: true }).fill('Keep spam out of inboxes, at mail scale.');
  await author.getByRole('button', { name: 'Save changes' }).click();
  await expect(author).toHaveURL(/\/problems$/);
  await expect(row).toContainText('Keep spam out of inboxes, at mail scale.');

  // "Use for a new session" opens the picker with the problem chosen.
  await row.getByRole('button', { name: 'Use for a new session' }).click();
  const fromList = author.getByRole('dialog', { name: 'New session' });
  await expect(fromList.getByRole('radio', { name: title })).toBeChecked();
  await fromList.getByRole('button', { name: 'Cancel' }).click();

  // The dashboard's picker lists it among the user's own, and finds it by a search.
  await author.goto('/');
  await author.getByRole('button', { name: 'New session' }).click();
  const dialog = author.getByRole('dialog', { name: 'New session' });
  const choices = dialog.getByRole('group', { name: 'Problem', exact: true }).getByRole('radio');
  await expect(dialog.getByText('Your problems')).toBeVisible();
  await expect(choices).toHaveCount(15);
  await dialog.getByRole('searchbox', { name: 'Search problems' }).fill(`${title.split(' ').pop() ?? ''} abuse`);
  await expect(choices).toHaveCount(1);
  await dialog.getByRole('radio', { name: title }).check();
  await dialog.getByRole('radio', { name: '45 min' }).check();
  await dialog.getByRole('button', { name: 'Create session' }).click();

  // The room opens with the problem's title.
  await expect(author).toHaveURL(/\/sessions\/[0-9a-f-]{36}$/);
  await expect(author.getByText(title, { exact: true }).first()).toBeVisible();
  const sessionId = new URL(author.url()).pathname.split('/').pop() ?? '';
  const session = await callApi(author, 'GET', `/api/sessions/${sessionId}`);
  const { inviteUrl, problem } = session.body as { inviteUrl: string; problem: { slug: string } };
  expect(problem.slug).toMatch(/^custom-/);

  // Someone signed out follows the invite: before signing in they see who invites them, and to what.
  const guest = await newPage(browser, { height: 900 });
  await guest.goto(new URL(inviteUrl).pathname);
  await expect(guest).toHaveURL(/\/guest\?next=%2Fjoin%2F/);
  await expect(guest.getByRole('note')).toContainText(`Pat Author invites you to a mock interview: ${title} (45 min)`);
  await guest.getByLabel('Display name').fill('Gil Guest');
  await guest.getByRole('button', { name: 'Continue as guest' }).click();
  await expect(guest).toHaveURL(new RegExp(`/sessions/${sessionId}$`));

  // A participant of the session still cannot read, edit or delete the author's private problem.
  for (const [method, path] of [
    ['GET', `/api/problems/${problem.slug}`],
    ['GET', `/api/problems/${problem.slug}/definition`],
    ['DELETE', `/api/problems/${problem.slug}`],
  ] as const) {
    expect((await callApi(guest, method, path)).status, `${method} ${path}`).toBe(404);
  }
  const guestList = (await callApi(guest, 'GET', '/api/problems')).body as { problems: { slug: string }[] };
  expect(guestList.problems.map((p) => p.slug)).not.toContain(problem.slug);

  // The author's dashboard shows the session: its problem, status, partner and the author's role.
  await author.goto('/');
  const sessionRow = author.getByRole('link').filter({ hasText: title });
  await expect(sessionRow).toContainText('Scheduled');
  await expect(sessionRow).toContainText('With Gil Guest (candidate)');
  await expect(sessionRow).toContainText('Interviewer');
  await expect(sessionRow).toContainText(/Created (just now|1 minute ago)/);

  // Deleting asks first; the session keeps its problem.
  await author.getByRole('link', { name: 'My problems' }).click();
  await author.getByRole('button', { name: `Delete ${title}` }).click();
  await author.getByRole('button', { name: 'Delete problem' }).click();
  await expect(author.getByText(`Deleted “${title}”. Sessions that used it keep it.`)).toBeVisible();
  await expect(author.getByText('No problems of your own yet')).toBeVisible();
  expect((await callApi(author, 'GET', `/api/problems/${problem.slug}`)).status).toBe(404);
  await author.goto('/');
  await expect(author.getByRole('link').filter({ hasText: title })).toBeVisible();
});

import { expect, test, type Page } from '@playwright/test';
import { postJson } from '../support/in-page-api';

/** Unique per test and per run, so the suite can run again against the same database. */
function uniqueEmail(label: string): string {
  return `e2e-${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

async function expectDashboard(page: Page): Promise<void> {
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Your sessions' })).toBeVisible();
  await expect(page.getByText('No sessions yet')).toBeVisible();
}

async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

test('signs up, logs out and logs back in', async ({ page }) => {
  const email = uniqueEmail('signup');
  const password = 'correct horse battery';
  const displayName = `Ada ${Date.now().toString(36)}`;

  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByText('Practice ML system design interviews together on a shared, live whiteboard.')).toBeVisible();

  await page.getByRole('link', { name: 'Sign up' }).click();
  await page.getByLabel('Display name').fill(displayName);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();

  await expectDashboard(page);
  await expect(page.getByRole('banner').getByText(displayName)).toBeVisible();
  await expect(page.getByText('Guest', { exact: true })).toHaveCount(0);

  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();

  // The session cookie is gone, not just the client state: a reload stays signed out.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();

  await logIn(page, email, password);
  await expectDashboard(page);
  await expect(page.getByRole('banner').getByText(displayName)).toBeVisible();

  // Signed in, the login screen has nothing to offer.
  await page.goto('/login');
  await expectDashboard(page);
});

test('a guest sees the Guest badge until they save their account', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('link', { name: 'Guest' }).click();
  await page.getByLabel('Display name').fill('Grace Guest');
  await page.getByRole('button', { name: 'Continue as guest' }).click();

  await expectDashboard(page);
  const banner = page.getByRole('banner');
  await expect(banner.getByText('Grace Guest')).toBeVisible();
  await expect(banner.getByText('Guest', { exact: true })).toBeVisible();

  const saveCard = page.getByRole('region', { name: 'Save your account' });
  await saveCard.getByLabel('Email').fill(uniqueEmail('guest'));
  await saveCard.getByLabel('Password').fill('guest password 1');
  await saveCard.getByRole('button', { name: 'Save account' }).click();

  await expect(page.getByText('Your account is saved.')).toBeVisible();
  await expect(banner.getByText('Guest', { exact: true })).toHaveCount(0);
  await expect(saveCard).toHaveCount(0);
  await expect(banner.getByText('Grace Guest')).toBeVisible();
});

test('a wrong password shows the error inline and stays on the login screen', async ({ page }) => {
  const email = uniqueEmail('wrong');
  // Register through the API: this test is about the login form, not the signup flow.
  const registered = await postJson(page, '/api/auth/register', { email, password: 'the right password', displayName: 'Wrong Password' });
  expect(registered).toBe(201);
  await page.context().clearCookies();

  await page.goto('/login');
  await logIn(page, email, 'not the password');

  await expect(page.getByRole('alert')).toHaveText('Wrong email or password');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('button', { name: 'Log in' })).toBeEnabled();
  await expect(page.getByRole('heading', { name: 'Your sessions' })).toHaveCount(0);
});

test('signup shows field problems inline, from the form and from the server', async ({ page }) => {
  const takenEmail = uniqueEmail('taken');
  const registered = await postJson(page, '/api/auth/register', { email: takenEmail, password: 'first owner password', displayName: 'First Owner' });
  expect(registered).toBe(201);
  await page.context().clearCookies();

  await page.goto('/signup');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Enter the name others will see')).toBeVisible();
  await expect(page.getByLabel('Display name')).toBeFocused();

  await page.getByLabel('Display name').fill('Second Owner');
  await page.getByLabel('Email').fill(takenEmail);
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Must be at least 8 characters')).toBeVisible();
  await expect(page.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Password').fill('long enough password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('An account with this email already exists')).toBeVisible();
  await expect(page.getByLabel('Email')).toBeFocused();
  await expect(page).toHaveURL(/\/signup$/);
});

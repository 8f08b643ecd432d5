import { expect, test, type Page } from '@playwright/test';
import { LAN_HOST, recordOffsiteRequests } from '../support/hosts';
import { createSession, drawRectangle, expectRoomReady, room, signUp } from '../support/room-page';

/**
 * A self-hosted install reached over plain HTTP on a LAN name (the whole suite runs that way, see
 * playwright.config.ts): not a secure context, so no Clipboard API or crypto.subtle, and a CSP with
 * upgrade-insecure-requests would send every script to an https port that does not exist.
 */

interface PageWatch {
  offsite: string[];
  /** `securitypolicyviolation` events and console errors about the Content Security Policy. */
  cspViolations: string[];
  /** Every font the page fetched, with its status. */
  fonts: { url: string; status: number }[];
}

async function watchPage(page: Page): Promise<PageWatch> {
  const watch: PageWatch = { offsite: [], cspViolations: [], fonts: [] };
  recordOffsiteRequests(page, watch.offsite);
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content[- ]Security[- ]Policy/i.test(message.text())) watch.cspViolations.push(message.text());
  });
  page.on('response', (response) => {
    // Excalidraw loads fonts both as CSS font faces and with fetch (to embed them in exports).
    if (response.request().resourceType() === 'font' || /\.woff2(\?|$)/.test(response.url())) {
      watch.fonts.push({ url: response.url(), status: response.status() });
    }
  });
  await page.exposeFunction('reportCspViolation', (violation: string) => watch.cspViolations.push(violation));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation: (violation: string) => void }).reportCspViolation;
      void report(`${event.violatedDirective} blocked ${event.blockedURI || 'inline code'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  return watch;
}

test('over plain HTTP on a LAN name the app renders, keeps to its CSP and its own origin, and a room works', async ({ page, baseURL }) => {
  const watch = await watchPage(page);
  const origin = new URL(baseURL ?? '').origin;
  expect(new URL(origin).hostname).toBe(LAN_HOST);

  await page.goto('/');
  await expect(page).toHaveURL(`${origin}/login`);
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
  expect(await page.evaluate(() => window.isSecureContext)).toBe(false);

  await signUp(page, 'Lan Interviewer');
  await createSession(page, /^Payment fraud detection/, '45 min');
  await expectRoomReady(page);

  // Without the Clipboard API, the invite still opens and copies (through the copy command).
  await page.getByRole('button', { name: 'Invite' }).click();
  await expect(page.getByLabel('Invite link')).toHaveValue(new RegExp(`^${origin}/join/[A-Z0-9]+$`));
  await expect(page.getByText('Link copied to the clipboard.')).toBeVisible();
  await page.keyboard.press('Escape');

  await drawRectangle(page, 320, 160);
  await expect(room(page)).toHaveAttribute('data-element-count', '1');
  // A labelled component: text, so Excalidraw needs its hand-drawn font.
  await page.getByRole('button', { name: 'Model registry' }).click();
  await expect(room(page)).toHaveAttribute('data-element-count', '3');
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();

  // Excalidraw's drawing fonts (under /fonts/) and the UI's own (under /assets/) all come from this server.
  await expect.poll(() => watch.fonts.filter((font) => font.url.startsWith(`${origin}/fonts/`)).length).toBeGreaterThan(0);
  expect(watch.fonts.filter((font) => new URL(font.url).origin !== origin || font.status !== 200)).toEqual([]);
  expect(watch.cspViolations).toEqual([]);

  // SVG export still works. Not held to the CSP check above: Excalidraw's font subsetter (Emscripten glue)
  // needs eval, which the CSP refuses, so it reports that once and embeds the fonts whole instead.
  await page.getByRole('button', { name: 'Export' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'SVG (vector)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.svg$/);
  expect(watch.offsite).toEqual([]);
});

/** The href of every link showing in the page, resolved against it. */
async function visibleLinks(page: Page): Promise<string[]> {
  return page.locator('a[href]').evaluateAll((links) => links.filter((link) => link.checkVisibility()).map((link) => (link as HTMLAnchorElement).href));
}

test("the whiteboard's menus offer no canvas reset and no link to a third-party site", async ({ page, baseURL }) => {
  const origin = new URL(baseURL ?? '').origin;
  await signUp(page, 'Menu Reader');
  await createSession(page, /^E-commerce search ranking/, '45 min');
  await expectRoomReady(page);

  await page.getByTestId('main-menu-trigger').click();
  const menu = page.locator('.excalidraw .dropdown-menu');
  await expect(menu.getByRole('button', { name: 'Help' })).toBeVisible();
  await expect(menu.getByText(/Reset the canvas/i)).toHaveCount(0);
  await expect(page.getByTestId('clear-canvas-button')).toHaveCount(0);
  const menuLinks = await menu.locator('a[href]').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
  expect(menuLinks.filter((href) => new URL(href).origin !== origin)).toEqual([]);

  // The help dialog keeps its shortcuts but loses its links to Excalidraw's sites.
  await menu.getByRole('button', { name: 'Help' }).click();
  const help = page.locator('.HelpDialog');
  await expect(help).toBeVisible();
  expect((await visibleLinks(page)).filter((href) => new URL(href).origin !== origin)).toEqual([]);
  await help.locator('.Modal__content').press('Escape');
  await expect(help).toHaveCount(0);

  // The library sidebar has no "Browse libraries" link to libraries.excalidraw.com.
  await page.locator('.default-sidebar-trigger').click();
  await expect(page.locator('.layer-ui__library')).toBeVisible();
  expect((await visibleLinks(page)).filter((href) => new URL(href).origin !== origin)).toEqual([]);
});

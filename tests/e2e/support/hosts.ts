import type { Page } from '@playwright/test';

/** The LAN-style name the suite reaches the app by; playwright.config.ts maps it to 127.0.0.1 in Chromium. */
export const LAN_HOST = 'mockboard.lan';

const OWN_HOSTS = new Set([LAN_HOST, '127.0.0.1', 'localhost']);

/** Whether a URL points at anything but this machine, which a self-hosted install promises never to call. */
export function isOffsite(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return ['http:', 'https:', 'ws:', 'wss:'].includes(protocol) && !OWN_HOSTS.has(hostname);
}

/** Appends to `offsite` every request the page sends off this machine. */
export function recordOffsiteRequests(page: Page, offsite: string[]): void {
  page.on('request', (request) => {
    if (isOffsite(request.url())) offsite.push(request.url());
  });
}

import { expect, type Browser, type Page } from '@playwright/test';
import type { SessionView } from '@mockboard/protocol';
import { postJson, postJsonForBody } from './in-page-api';
import { newPage } from './pages';
import { expectRoomReady, uniqueEmail } from './room-page';

export interface TwoBrowserSession {
  interviewer: Page;
  candidate: Page;
  sessionId: string;
}

/**
 * Ivy Interviewer (signed up, `label` in her email) creates a video-recommendation session and opens its room;
 * Cam Candidate, a guest in another browser, follows the invite link in. Both rooms are ready on return.
 */
export async function openSessionInTwoBrowsers(browser: Browser, label: string, offsite: string[]): Promise<TwoBrowserSession> {
  const interviewer = await newPage(browser, { offsite });
  expect(await postJson(interviewer, '/api/auth/register', { email: uniqueEmail(label), password: 'correct horse battery', displayName: 'Ivy Interviewer' })).toBe(201);
  const created = await postJsonForBody<SessionView>(interviewer, '/api/sessions', { problemSlug: 'video-recommendation', role: 'interviewer' });
  expect(created.status).toBe(201);
  await interviewer.goto(`/sessions/${created.body.id}`);
  await expectRoomReady(interviewer);

  const candidate = await newPage(browser, { offsite });
  expect(await postJson(candidate, '/api/auth/guest', { displayName: 'Cam Candidate' })).toBe(201);
  await candidate.goto(new URL(created.body.inviteUrl ?? '').pathname);
  await expectRoomReady(candidate);
  return { interviewer, candidate, sessionId: created.body.id };
}

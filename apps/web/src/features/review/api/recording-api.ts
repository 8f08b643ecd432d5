import { decodeRecordedUpdates, type RecordingView } from '@mockboard/protocol';
import { api, ApiRequestError } from '../../../lib/api-client';
import type { RecordingSource } from '../player/replay-document';

const base = (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}/recording`;

export function fetchRecording(sessionId: string): Promise<RecordingView> {
  return api.get<RecordingView>(base(sessionId));
}

export function retryRecording(sessionId: string): Promise<RecordingView> {
  return api.post<RecordingView>(`${base(sessionId)}/retry`);
}

/** The binary routes; the server marks their answers cacheable, so seeking back to a moment seen is free. */
async function fetchBytes(path: string): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', headers: { accept: 'application/octet-stream' } });
  } catch {
    throw new ApiRequestError(0, 'network', 'Could not reach Mockboard. Check your connection and try again.');
  }
  if (!response.ok) throw new ApiRequestError(response.status, 'internal', `Could not load the recording (HTTP ${String(response.status)}).`);
  return new Uint8Array(await response.arrayBuffer());
}

export function recordingSource(sessionId: string): RecordingSource {
  return {
    stateAt: (atMs) => fetchBytes(`${base(sessionId)}/state?at=${String(atMs)}`),
    updates: async (fromMs, toMs) => decodeRecordedUpdates(await fetchBytes(`${base(sessionId)}/updates?from=${String(fromMs)}&to=${String(toMs)}`)),
  };
}

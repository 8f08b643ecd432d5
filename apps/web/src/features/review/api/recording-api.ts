import { decodeRecordedUpdates, type RecordingView } from '@mockboard/protocol';
import { api, apiBytes } from '../../../lib/api-client';
import type { RecordingSource } from '../player/replay-document';

const base = (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}/recording`;

export function fetchRecording(sessionId: string): Promise<RecordingView> {
  return api.get<RecordingView>(base(sessionId));
}

export function retryRecording(sessionId: string): Promise<RecordingView> {
  return api.post<RecordingView>(`${base(sessionId)}/retry`);
}

/** The binary routes; the server marks their answers cacheable, so seeking back to a moment seen is free. */
export function recordingSource(sessionId: string): RecordingSource {
  return {
    stateAt: (atMs) => apiBytes(`${base(sessionId)}/state?at=${String(atMs)}`),
    updates: async (fromMs, toMs) => decodeRecordedUpdates(await apiBytes(`${base(sessionId)}/updates?from=${String(fromMs)}&to=${String(toMs)}`)),
  };
}

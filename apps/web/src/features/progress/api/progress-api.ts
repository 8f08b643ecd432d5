import type { ProgressResponse } from '@mockboard/protocol';
import { api } from '../../../lib/api-client';

export function fetchProgress(): Promise<ProgressResponse> {
  return api.get<ProgressResponse>('/api/me/progress');
}

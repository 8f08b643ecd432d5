import { useQuery } from '@tanstack/react-query';
import { fetchGuide, roomQueryKeys } from '../api/interview-api';

/**
 * The interviewer's guide (rule I4). Anyone else would get a 403, and asking at all would tell the server
 * (and its logs) that a candidate's page went looking: so the query is off unless `isInterviewer`.
 */
export function useInterviewGuide(sessionId: string, isInterviewer: boolean) {
  return useQuery({
    queryKey: roomQueryKeys.guide(sessionId),
    queryFn: () => fetchGuide(sessionId),
    enabled: isInterviewer,
    // The guide does not change during a session; what is revealed comes from the live state instead.
    staleTime: Infinity,
  });
}

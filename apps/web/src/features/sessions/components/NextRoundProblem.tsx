import { useQuery } from '@tanstack/react-query';
import { useProblems } from '../../problems/hooks/use-problems';
import { fetchNextRound } from '../api/sessions-api';

interface NextRoundProblemProps {
  sessionId: string;
  /** The chosen slug; undefined keeps the server's suggestion. */
  value: string | undefined;
  onChange: (slug: string) => void;
}

/**
 * Today's candidate interviews next, so they choose the next round's problem (rule R6). The list starts on
 * the server's suggestion: a problem their partner has not practised as a candidate.
 */
export function NextRoundProblem({ sessionId, value, onChange }: NextRoundProblemProps) {
  const problems = useProblems();
  const nextRound = useQuery({ queryKey: ['sessions', sessionId, 'next-round'], queryFn: () => fetchNextRound(sessionId) });
  const suggested = nextRound.data?.suggestedProblemSlug;
  if (!problems.data || !suggested) return null;
  return (
    <label className="next-round-problem">
      <span>Next problem</span>
      <select aria-label="Next round's problem" value={value ?? suggested} onChange={(event) => onChange(event.target.value)}>
        {problems.data.map((problem) => (
          <option key={problem.slug} value={problem.slug}>
            {problem.title}
            {problem.slug === suggested ? ' (not practised by your partner)' : ''}
          </option>
        ))}
      </select>
    </label>
  );
}

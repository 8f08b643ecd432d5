import type { Scorecard } from '@mockboard/protocol';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '../../../../ui/Button';
import { releaseScorecard, submitScorecard } from '../../api/scoring-api';
import { missingForSubmit, type ScorecardDraft } from '../../scoring/scorecard-draft';
import type { ScorecardHandle } from '../../scoring/use-scorecard';

interface ScorecardActionsProps {
  sessionId: string;
  card: ScorecardHandle;
  draft: ScorecardDraft;
}

/**
 * After the interview: submit (the server names what is missing, if anything), then release to the candidate
 * after a confirmation. A submitted card is final, so the panel turns read-only.
 */
export function ScorecardActions({ sessionId, card, draft }: ScorecardActionsProps) {
  const [confirming, setConfirming] = useState(false);
  const submit = useMutation({
    mutationFn: async (): Promise<Scorecard> => {
      // Submit checks what the server has: everything typed must be there first.
      if (!(await card.flush())) throw new Error('Your latest changes are not saved yet. Submit again once the panel says Saved.');
      return submitScorecard(sessionId);
    },
    onSuccess: card.receive,
  });
  const release = useMutation({ mutationFn: () => releaseScorecard(sessionId), onSuccess: card.receive });

  if (card.status === 'released') {
    return (
      <div className="scorecard-actions">
        <p className="scorecard-actions__status">Released: the candidate can read the scorecard.</p>
      </div>
    );
  }

  if (card.status === 'submitted') {
    return (
      <div className="scorecard-actions">
        <p className="scorecard-actions__status">Submitted. The candidate sees nothing until you release it.</p>
        {confirming ? (
          <div className="scorecard-actions__confirm" role="group" aria-label="Release the scorecard?">
            <p className="scorecard-actions__question">Release to the candidate? They will read every score, signal and note, and your message.</p>
            <Button size="sm" pending={release.isPending} onClick={() => release.mutate(undefined, { onSettled: () => setConfirming(false) })}>
              Yes, release
            </Button>
            <Button size="sm" variant="secondary" onClick={() => setConfirming(false)}>
              Not yet
            </Button>
          </div>
        ) : (
          <Button size="sm" block onClick={() => setConfirming(true)}>
            Release to candidate
          </Button>
        )}
        {release.isError && (
          <p className="panel-section__error" role="alert">
            {release.error.message}
          </p>
        )}
      </div>
    );
  }

  const missing = missingForSubmit(draft);
  return (
    <div className="scorecard-actions">
      {missing.length > 0 && <p className="panel-section__note">Still to score: {missing.join(', ')}. A step the interview never reached can be marked Not covered.</p>}
      <Button size="sm" block pending={submit.isPending} onClick={() => submit.mutate()}>
        Submit scorecard
      </Button>
      {submit.isError && (
        <p className="panel-section__error" role="alert">
          {submit.error.message}
        </p>
      )}
    </div>
  );
}

import type { SessionControl, SessionGuide } from '@mockboard/protocol';
import { useId } from 'react';
import type { Command } from '../../interview/use-command';

interface ClarificationListProps {
  clarifications: SessionGuide['clarifications'];
  /** Ids revealed so far, from the live state (the guide's own flags are as of when it was fetched). */
  revealedIds: ReadonlySet<string>;
  /** False once the interview has ended: nothing more can be revealed. */
  canReveal: boolean;
  command: Command<SessionControl>;
}

/** Every clarification with its answer; the interviewer reveals one when the candidate asks about it. */
export function ClarificationList({ clarifications, revealedIds, canReveal, command }: ClarificationListProps) {
  const baseId = useId();
  if (clarifications.length === 0) return <p className="problem-part__empty">This problem has no clarifications.</p>;
  return (
    <>
      <ul className="clarifications clarifications--guide">
        {clarifications.map((c, index) => {
          const revealed = revealedIds.has(c.id);
          const questionId = `${baseId}-${String(index)}`;
          return (
            <li key={c.id} className={`clarification${revealed ? ' clarification--revealed' : ''}`}>
              <p className="clarification__question" id={questionId}>
                {c.question}
              </p>
              <p className="clarification__answer">{c.answer}</p>
              {revealed ? (
                <span className="clarification__badge">Revealed</span>
              ) : (
                <button
                  type="button"
                  className="button button--secondary button--sm clarification__reveal"
                  aria-describedby={questionId}
                  disabled={!canReveal}
                  onClick={() => void command.run({ action: 'reveal', clarificationId: c.id })}
                >
                  Reveal
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {command.error && (
        <p className="panel-section__error" role="alert">
          {command.error}
        </p>
      )}
    </>
  );
}

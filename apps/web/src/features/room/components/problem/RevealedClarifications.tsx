import type { RevealedClarification } from '@mockboard/protocol';

/** What the interviewer has answered so far, in the order revealed, for the candidate and observers. */
export function RevealedClarifications({ revealed }: { revealed: readonly RevealedClarification[] }) {
  return (
    <div className="problem-part">
      <h3 className="problem-part__title">Clarifications</h3>
      {revealed.length === 0 ? (
        <p className="problem-part__empty">Ask the interviewer about scale, latency or data: their answers appear here.</p>
      ) : (
        <dl className="clarifications">
          {revealed.map((c) => (
            <div key={c.id} className="clarification">
              <dt className="clarification__question">{c.question}</dt>
              <dd className="clarification__answer">{c.answer}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

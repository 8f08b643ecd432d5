import type { ProblemBrief as Brief } from '@mockboard/interview';
import type { SessionControl, SessionState } from '@mockboard/protocol';
import type * as Y from 'yjs';
import { useBoardComponents } from '../../board/use-board-components';
import type { Command } from '../../interview/use-command';
import { useInterviewGuide } from '../../interview/use-interview-guide';
import { ClarificationList } from './ClarificationList';
import { DiagramCoverage } from './DiagramCoverage';
import { ProblemBrief } from './ProblemBrief';
import { ProblemMetrics } from './ProblemMetrics';
import { StepGuide } from './StepGuide';

interface InterviewerGuideProps {
  sessionId: string;
  problem: Brief;
  state: SessionState | undefined;
  doc: Y.Doc | null;
  command: Command<SessionControl>;
}

/** What only the interviewer sees: the step's guide, the clarifications to reveal, coverage and metrics. */
export function InterviewerGuide({ sessionId, problem, state, doc, command }: InterviewerGuideProps) {
  const guide = useInterviewGuide(sessionId, true);
  const onBoard = useBoardComponents(doc, true);
  const revealedIds = new Set((state?.revealed ?? []).map((c) => c.id));

  return (
    <div className="interviewer-guide">
      <details className="problem-part" open={state?.status !== 'live'}>
        <summary className="problem-part__title">Prompt</summary>
        <ProblemBrief problem={problem} />
      </details>
      {guide.isPending && <p className="problem-part__empty">Loading the guide…</p>}
      {guide.isError && (
        <p className="panel-section__error" role="alert">
          The guide could not be loaded: {guide.error.message}
        </p>
      )}
      {guide.data && (
        <>
          <details className="problem-part" open>
            <summary className="problem-part__title">Step guide</summary>
            <StepGuide steps={guide.data.steps} currentStep={state?.currentStep ?? null} />
          </details>
          <details className="problem-part" open>
            <summary className="problem-part__title">Clarifications</summary>
            <ClarificationList
              clarifications={guide.data.clarifications}
              revealedIds={revealedIds}
              canReveal={state?.status !== 'ended'}
              command={command}
            />
          </details>
          <details className="problem-part" open>
            <summary className="problem-part__title">Diagram coverage</summary>
            <DiagramCoverage expected={guide.data.expectedComponents} onBoard={onBoard} />
          </details>
          <details className="problem-part" open>
            <summary className="problem-part__title">Metrics</summary>
            <ProblemMetrics metrics={guide.data.metrics} />
          </details>
        </>
      )}
    </div>
  );
}

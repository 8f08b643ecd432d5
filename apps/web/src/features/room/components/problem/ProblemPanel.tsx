import type { ProblemBrief as Brief } from '@mockboard/interview';
import type { SessionControl, SessionState } from '@mockboard/protocol';
import type * as Y from 'yjs';
import type { CommandResult } from '../../interview/command-errors';
import { useCommand } from '../../interview/use-command';
import { PanelSection } from '../PanelSection';
import { InterviewerGuide } from './InterviewerGuide';
import { ProblemBrief } from './ProblemBrief';
import { RevealedClarifications } from './RevealedClarifications';

interface ProblemPanelProps {
  sessionId: string;
  problem: Brief;
  state: SessionState | undefined;
  isInterviewer: boolean;
  doc: Y.Doc | null;
  control: (command: SessionControl) => Promise<CommandResult>;
}

/**
 * The problem: its prompt and revealed clarifications for the candidate and observers, the whole guide
 * for the interviewer. The guide is fetched by the interviewer's page only (rule I4).
 */
export function ProblemPanel({ sessionId, problem, state, isInterviewer, doc, control }: ProblemPanelProps) {
  const command = useCommand(control);
  return (
    <PanelSection title="Problem" className="problem">
      {isInterviewer ? (
        <InterviewerGuide sessionId={sessionId} problem={problem} state={state} doc={doc} command={command} />
      ) : (
        <>
          <ProblemBrief problem={problem} />
          <RevealedClarifications revealed={state?.revealed ?? []} />
        </>
      )}
    </PanelSection>
  );
}

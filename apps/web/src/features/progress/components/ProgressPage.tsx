import type { ProgressResponse } from '@mockboard/protocol';
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { NewSessionDialog } from '../../dashboard/components/NewSessionDialog';
import { useProblems } from '../../problems/hooks/use-problems';
import { formatAverage, numberedStepTitle, stepTitle } from '../../scorecard/scorecard-format';
import { useProgress } from '../hooks/use-progress';
import { chartedSteps, hasProgress, suggestedProblems, trendRows } from '../progress-data';
import { CoverageGrid } from './CoverageGrid';
import { TrendChart } from './TrendChart';
import '../../../styles/progress.css';
import { LoadingCard } from '../../../ui/LoadingCard';

/** `/progress`: how the user scores as a candidate, from the scorecards their interviewers released. */
export function ProgressPage() {
  const progress = useProgress();
  const [practise, setPractise] = useState<string | null>(null);

  return (
    <div className="page progress-page">
      <title>My progress · Mockboard</title>
      <header className="page__header">
        <h1 className="page__title">My progress</h1>
        <p className="page__subtitle">How you score as a candidate, from the scorecards your interviewers released.</p>
      </header>

      {progress.isPending && (
        <LoadingCard label="Loading your progress" />
      )}
      {progress.isError && (
        <Alert tone="danger" action={<Button variant="secondary" size="sm" onClick={() => void progress.refetch()}>Try again</Button>}>
          Could not load your progress.
        </Alert>
      )}
      {progress.data && !hasProgress(progress.data) && <NoProgressYet />}
      {progress.data && hasProgress(progress.data) && <ProgressReport progress={progress.data} onPractise={setPractise} />}

      <NewSessionDialog open={practise !== null} initialProblemSlug={practise ?? undefined} initialRole="candidate" onClose={() => setPractise(null)} />
    </div>
  );
}

function ProgressReport({ progress, onPractise }: { progress: ProgressResponse; onPractise: (slug: string) => void }) {
  const steps = chartedSteps(progress);
  return (
    <>
      {progress.suggestion && <Suggestion progress={progress} onPractise={onPractise} />}
      <div className="progress-overview">
        <StepAverages progress={progress} />
        {steps.length > 0 && <TrendChart rows={trendRows(progress)} steps={steps} />}
      </div>
      <CoverageGrid coverage={progress.coverage} />
    </>
  );
}

function Suggestion({ progress, onPractise }: { progress: ProgressResponse; onPractise: (slug: string) => void }) {
  const problems = useProblems();
  const suggestion = progress.suggestion;
  if (!suggestion) return null;
  const choices = suggestedProblems(suggestion.problems, problems.data, progress.coverage);
  return (
    <section className="card progress-suggestion" aria-labelledby="progress-suggestion-title">
      <h2 className="progress-section__title" id="progress-suggestion-title">
        What to practise next
      </h2>
      <p className="progress-suggestion__text">
        Your weakest step is <strong>{stepTitle(suggestion.step)}</strong>
        {choices.length > 0 ? ': try ' : '.'}
        {choices.map((choice, index) => (
          <span key={choice.slug}>
            {index > 0 && (index === choices.length - 1 ? ' or ' : ', ')}
            {choice.available ? (
              <button type="button" className="link-button" onClick={() => onPractise(choice.slug)}>
                {choice.title}
              </button>
            ) : (
              choice.title
            )}
          </span>
        ))}
        {choices.length > 0 && '.'}
      </p>
      {choices.length > 0 && <p className="progress-suggestion__hint">Choosing one starts a new session with it, with you as the candidate.</p>}
    </section>
  );
}

function StepAverages({ progress }: { progress: ProgressResponse }) {
  return (
    <section className="card step-averages" aria-labelledby="step-averages-title">
      <table className="step-averages__table">
        <caption className="progress-section__title" id="step-averages-title">
          Average score per step
        </caption>
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Average</th>
            <th scope="col">Scored in</th>
          </tr>
        </thead>
        <tbody>
          {progress.steps.map((step) => (
            <tr key={step.step} className={step.step === progress.suggestion?.step ? 'step-averages__row--weakest' : undefined}>
              <th scope="row">{numberedStepTitle(step.step)}</th>
              <td>
                {step.average === null ? (
                  <span className="step-averages__none">–</span>
                ) : (
                  <span className="step-averages__value">
                    <span className="step-averages__bar" aria-hidden="true">
                      <span style={{ width: `${String((step.average / 4) * 100)}%` }} />
                    </span>
                    {formatAverage(step.average)}
                  </span>
                )}
              </td>
              <td>{step.count === 1 ? '1 interview' : `${String(step.count)} interviews`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function NoProgressYet() {
  return (
    <section className="card empty-state" aria-labelledby="progress-empty-title">
      <h2 className="empty-state__title" id="progress-empty-title">
        No released scorecard yet
      </h2>
      <p className="empty-state__text">
        Take part in an interview as the candidate. Once your interviewer releases the scorecard, your scores per step show here.
      </p>
      <Link className="button button--secondary button--md empty-state__action" to="/">
        Go to your sessions
      </Link>
    </section>
  );
}

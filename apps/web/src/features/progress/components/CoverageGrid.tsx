import { FRAMEWORK_STEPS } from '@mockboard/interview';
import type { ProgressResponse } from '@mockboard/protocol';
import { formatScore } from '../progress-data';

/** Problems practised × the 7 steps: the scores of the latest released scorecard for each, empty where not covered. */
export function CoverageGrid({ coverage }: { coverage: ProgressResponse['coverage'] }) {
  return (
    <section className="card coverage" aria-labelledby="coverage-title">
      <h2 className="progress-section__title" id="coverage-title">
        Coverage
      </h2>
      <p className="coverage__intro">The problems you practised as the candidate, and the score each step got. An empty cell is a step not covered.</p>
      <div className="coverage__scroll">
        <table className="coverage__table" aria-labelledby="coverage-title">
          <thead>
            <tr>
              <th scope="col" className="coverage__problem-head">
                Problem
              </th>
              {FRAMEWORK_STEPS.map((step, index) => (
                <th key={step.id} scope="col" className="coverage__step-head">
                  <span className="coverage__step-number" aria-hidden="true">
                    {index + 1}
                  </span>
                  <span className="coverage__step-title">{step.title}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {coverage.map((row) => (
              <tr key={row.problemSlug}>
                <th scope="row">{row.problemTitle}</th>
                {FRAMEWORK_STEPS.map((step) => {
                  const score = row.steps[step.id];
                  return score === null || score === undefined ? (
                    <td key={step.id} className="coverage__cell coverage__cell--empty">
                      <span className="visually-hidden">Not covered</span>
                    </td>
                  ) : (
                    <td key={step.id} className={`coverage__cell coverage__cell--${String(Math.round(score))}`}>
                      {formatScore(score)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

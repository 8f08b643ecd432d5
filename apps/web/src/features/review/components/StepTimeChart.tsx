import type { RecordingStepStats } from '@mockboard/protocol';
import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { STEP_COLOURS } from '../../progress/step-colours';
import { numberedStepTitle } from '../../scorecard/scorecard-format';

const minutes = (ms: number) => Math.round((ms / 60_000) * 10) / 10;
const minutesText = (ms: number) => `${minutes(ms).toFixed(1)} min`;

/**
 * Time on each step (while the clock ran) against its budget. The table carries the figures for screen
 * readers and for exact reading; the chart beside it is the same data at a glance, hidden from them.
 */
export const StepTimeChart = memo(function StepTimeChart({ steps }: { steps: readonly RecordingStepStats[] }) {
  const data = steps.map((s) => ({ name: numberedStepTitle(s.step), step: s.step, spent: minutes(s.spentMs), budget: minutes(s.budgetMs) }));
  return (
    <section className="card review-panel" aria-labelledby="review-steps-title">
      <h2 className="review-panel__title" id="review-steps-title">
        Time per step
      </h2>
      <div className="step-time__chart" aria-hidden="true">
        <ResponsiveContainer width="100%" height={Math.max(120, data.length * 30 + 40)}>
          <BarChart data={data} layout="vertical" margin={{ top: 0, right: 8, bottom: 0, left: 0 }} barGap={1}>
            <CartesianGrid horizontal={false} stroke="#e3e5ea" />
            <XAxis type="number" unit=" min" tick={{ fontSize: 11 }} allowDecimals={false} />
            <YAxis type="category" dataKey="name" width={130} tick={{ fontSize: 11 }} interval={0} />
            <Tooltip formatter={(value) => `${String(value)} min`} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar dataKey="spent" name="Spent" fill="#4f46e5" isAnimationActive={false} />
            <Bar dataKey="budget" name="Budget" fill="#cfd3db" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="review-table">
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Spent</th>
            <th scope="col">Budget</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((s) => (
            <tr key={s.step} className={s.spentMs > s.budgetMs ? 'review-table__row--over' : undefined}>
              <th scope="row">
                <span className="review-table__swatch" style={{ background: STEP_COLOURS[s.step] }} aria-hidden="true" />
                {numberedStepTitle(s.step)}
              </th>
              <td>{minutesText(s.spentMs)}</td>
              <td>{minutesText(s.budgetMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
});

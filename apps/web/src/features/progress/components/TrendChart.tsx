import type { FrameworkStepId } from '@mockboard/interview';
import { useId, useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { stepTitle } from '../../scorecard/scorecard-format';
import type { TrendRow } from '../progress-data';

/** One colour per step, told apart by people with the common colour-vision deficiencies (Okabe–Ito based). */
const STEP_COLOURS: Readonly<Record<FrameworkStepId, string>> = {
  requirements: '#4f46e5',
  framing: '#e69f00',
  data: '#009e73',
  model: '#cc79a7',
  evaluation: '#0072b2',
  serving: '#d55e00',
  monitoring: '#56b4e9',
};

const DAY_FORMAT = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const FULL_FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

interface TrendChartProps {
  rows: readonly TrendRow[];
  steps: readonly FrameworkStepId[];
}

/**
 * Each released scorecard is one point along the x axis (evenly spaced: the order of practice matters
 * more than the calendar); one line per step. The table of averages beside it carries the same figures
 * for screen readers, so the drawing itself is hidden from them.
 */
export function TrendChart({ rows, steps }: TrendChartProps) {
  const [focus, setFocus] = useState<FrameworkStepId | 'all'>('all');
  const selectId = useId();
  const shown = focus === 'all' ? steps : steps.filter((s) => s === focus);
  const data = rows.map((row, index) => ({ ...row, label: `${String(index + 1)}` }));

  return (
    <figure className="card trend-chart">
      <div className="trend-chart__header">
        <figcaption className="progress-section__title">Scores over time</figcaption>
        <div className="trend-chart__filter">
          <label className="field__label" htmlFor={selectId}>
            Show
          </label>
          <select
            id={selectId}
            className="field__input field__select trend-chart__select"
            value={focus}
            onChange={(event) => setFocus(steps.find((s) => s === event.target.value) ?? 'all')}
          >
            <option value="all">All steps</option>
            {steps.map((step) => (
              <option key={step} value={step}>
                {stepTitle(step)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="trend-chart__plot" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 640, height: 300 }}>
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: -16 }} accessibilityLayer={false}>
            <CartesianGrid stroke="#e3e5ea" vertical={false} />
            <XAxis dataKey="label" tickLine={false} stroke="#737a8c" fontSize={12} padding={{ left: 16, right: 16 }} />
            <YAxis domain={[1, 4]} ticks={[1, 2, 3, 4]} allowDecimals={false} tickLine={false} stroke="#737a8c" fontSize={12} />
            <Tooltip
              labelFormatter={(_, payload) => {
                const at = payload[0]?.payload as { at?: number } | undefined;
                return at?.at === undefined ? '' : FULL_FORMAT.format(at.at);
              }}
            />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {shown.map((step) => (
              <Line
                key={step}
                type="monotone"
                dataKey={step}
                name={stepTitle(step)}
                stroke={STEP_COLOURS[step]}
                strokeWidth={2}
                dot={{ r: 3 }}
                connectNulls
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <p className="trend-chart__axis-note">
        Each point is one interview, in the order you practised
        {rows.length > 0 && (
          <>
            {' '}
            (from {DAY_FORMAT.format(rows[0]?.at ?? 0)} to {DAY_FORMAT.format(rows[rows.length - 1]?.at ?? 0)})
          </>
        )}
        ; scores run from 1 (no signal) to 4 (exceptional).
      </p>
    </figure>
  );
}

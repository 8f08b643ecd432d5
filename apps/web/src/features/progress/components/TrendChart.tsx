import { STEP_IDS, type FrameworkStepId } from '@mockboard/interview';
import { useId, useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { stepTitle } from '../../scorecard/scorecard-format';
import { STEP_COLOURS } from '../step-colours';
import type { TrendRow } from '../progress-data';

/** Legend and tooltip list the steps in the framework's order (recharts sorts them by name otherwise). */
const byStepOrder = (item: { dataKey?: unknown }): number => STEP_IDS.indexOf(item.dataKey as FrameworkStepId);

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
  const span = dateSpan(rows);

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
              itemSorter={byStepOrder}
              labelFormatter={(_, payload) => {
                const at = payload[0]?.payload as { at?: number } | undefined;
                return at?.at === undefined ? '' : FULL_FORMAT.format(at.at);
              }}
            />
            <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={byStepOrder} />
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
        {span && ` (${span})`}
        ; scores run from 1 (no signal) to 4 (exceptional).
      </p>
    </figure>
  );
}

/** "Nov 3 to Nov 29", or one date when every point is from the same day. */
function dateSpan(rows: readonly TrendRow[]): string | null {
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (!first || !last) return null;
  const [from, to] = [DAY_FORMAT.format(first.at), DAY_FORMAT.format(last.at)];
  return from === to ? from : `from ${from} to ${to}`;
}

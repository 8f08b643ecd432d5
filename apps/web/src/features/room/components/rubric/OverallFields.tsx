import { RECOMMENDATION_LABELS, RECOMMENDATIONS, type Recommendation } from '@mockboard/interview';
import { DRAFT_TEXT_MAX, type OverallField, type ScorecardDraft } from '../../scoring/scorecard-draft';

interface OverallFieldsProps {
  draft: ScorecardDraft;
  readOnly: boolean;
  /** Open from the start once the interview has ended: that is when the overall verdict is written. */
  defaultOpen: boolean;
  edit: (change: (draft: ScorecardDraft) => ScorecardDraft) => void;
}

const TEXT_FIELDS: readonly { field: OverallField; label: string; rows: number }[] = [
  { field: 'strengths', label: 'Strengths', rows: 3 },
  { field: 'improvements', label: 'To improve', rows: 3 },
  { field: 'message', label: 'Message to the candidate', rows: 3 },
];

/** The whole interview's verdict: a recommendation, strengths, what to improve, and a note to the candidate. */
export function OverallFields({ draft, readOnly, defaultOpen, edit }: OverallFieldsProps) {
  return (
    <details className="rubric-overall" open={defaultOpen || undefined}>
      <summary className="rubric-overall__title">Overall</summary>
      <div className="rubric-overall__body">
        <label className="rubric-field">
          <span className="rubric-label">Recommendation</span>
          <select
            className="rubric-select"
            value={draft.recommendation ?? ''}
            disabled={readOnly}
            onChange={(event) => {
              const value = event.target.value;
              const recommendation = RECOMMENDATIONS.find((r) => r === value) ?? null;
              edit((d) => ({ ...d, recommendation }));
            }}
          >
            <option value="">Not decided yet</option>
            {RECOMMENDATIONS.map((r: Recommendation) => (
              <option key={r} value={r}>
                {RECOMMENDATION_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
        {TEXT_FIELDS.map(({ field, label, rows }) => (
          <label key={field} className="rubric-field">
            <span className="rubric-label">{label}</span>
            <textarea
              className="rubric-textarea"
              rows={rows}
              maxLength={DRAFT_TEXT_MAX}
              value={draft[field]}
              readOnly={readOnly}
              onChange={(event) => {
                const text = event.target.value;
                edit((d) => ({ ...d, [field]: text }));
              }}
            />
          </label>
        ))}
      </div>
    </details>
  );
}

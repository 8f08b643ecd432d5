import { FRAMEWORK_STEPS, RECOMMENDATION_LABELS, RUBRIC_SIGNALS, SCORE_ANCHORS } from '@mockboard/interview';
import type { RubricNote, Scorecard } from '@mockboard/protocol';

export interface MarkdownContext {
  problemTitle: string;
  interviewer: string;
  candidate: string;
  endedAt: Date | null;
}

/** The scorecard as a Markdown document a candidate can keep (rule R4). */
export function scorecardMarkdown(card: Scorecard, notes: readonly RubricNote[], context: MarkdownContext): string {
  const lines = [
    `# Scorecard: ${context.problemTitle}`,
    '',
    `- Candidate: ${context.candidate}`,
    `- Interviewer: ${context.interviewer}`,
    ...(context.endedAt ? [`- Date: ${context.endedAt.toISOString().slice(0, 10)}`] : []),
    `- Recommendation: ${card.recommendation ? RECOMMENDATION_LABELS[card.recommendation] : 'not given yet'}`,
    ...(card.status === 'released' ? [] : [`- Status: ${card.status} (not released)`]),
    '',
  ];
  for (const { id, title } of FRAMEWORK_STEPS) {
    const step = card.steps.find((s) => s.step === id);
    const score = step?.score;
    const mark = score === null || score === undefined ? 'not scored' : score === 'not_covered' ? 'not covered' : `${score}/4 (${SCORE_ANCHORS[score]})`;
    lines.push(`## ${title}: ${mark}`, '');
    for (const signal of RUBRIC_SIGNALS[id]) lines.push(`- [${step?.signals.includes(signal.id) ? 'x' : ' '}] ${signal.text}`);
    if (step?.notes) lines.push('', quote(step.notes));
    const stepNotes = notes.filter((n) => n.step === id);
    if (stepNotes.length > 0) lines.push('', ...stepNotes.map((n) => `- ${n.atMs === null ? '' : `${clock(n.atMs)} `}${oneLine(n.text)}`));
    lines.push('');
  }
  for (const [heading, text] of [
    ['Strengths', card.strengths],
    ['To improve', card.improvements],
    ['Message from your interviewer', card.message],
  ] as const) {
    if (text) lines.push(`## ${heading}`, '', text, '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function clock(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

function quote(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

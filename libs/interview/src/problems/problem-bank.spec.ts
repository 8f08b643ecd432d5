import { BOARD_COMPONENTS } from '../components';
import { STEP_IDS } from '../framework';
import { DIFFICULTIES, type ProblemDefinition, type StepGuide } from '../problem';
import { OFFLINE_METRICS, ONLINE_METRICS, TASK_TYPES } from '../task-types';
import { findProblem, PROBLEMS } from './index';

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const COMPONENT_IDS = new Set(BOARD_COMPONENTS.map((c) => c.id));
const ONLINE = new Set<string>(ONLINE_METRICS);

const duplicates = (values: readonly string[]): string[] => values.filter((v, i) => values.indexOf(v) !== i);
const blank = (text: unknown): boolean => typeof text !== 'string' || text.trim() === '';
const nonEmptyStrings = (list: unknown): boolean => Array.isArray(list) && list.length > 0 && list.every((s) => !blank(s));

/** Everything wrong with one problem, as readable strings; an empty list means the problem is well formed. */
function problemIssues(p: ProblemDefinition): string[] {
  const issues: string[] = [];
  if (!KEBAB.test(p.slug)) issues.push(`slug "${p.slug}" is not kebab-case`);
  for (const field of ['title', 'summary', 'prompt'] as const) if (blank(p[field])) issues.push(`${field} is blank`);
  if (p.custom !== false) issues.push('built-in problem is marked custom');
  if (!(TASK_TYPES as readonly string[]).includes(p.taskType)) issues.push(`unknown task type "${p.taskType}"`);
  if (!(DIFFICULTIES as readonly string[]).includes(p.difficulty)) issues.push(`unknown difficulty "${p.difficulty}"`);
  if (p.tags.length === 0) issues.push('no tags');

  for (const step of STEP_IDS) {
    const guide: StepGuide | undefined = p.guide[step];
    if (!guide) {
      issues.push(`no guide for step ${step}`);
      continue;
    }
    if (!nonEmptyStrings(guide.probes)) issues.push(`${step}: probes empty`);
    if (!nonEmptyStrings(guide.followUps)) issues.push(`${step}: followUps empty`);
    if (blank(guide.strongAnswer)) issues.push(`${step}: strongAnswer blank`);
    if (!nonEmptyStrings(guide.redFlags)) issues.push(`${step}: redFlags empty`);
  }

  if (p.clarifications.length < 2) issues.push('fewer than 2 clarifications');
  const clarificationIds = p.clarifications.map((c) => c.id);
  for (const id of duplicates(clarificationIds)) issues.push(`duplicate clarification id "${id}"`);
  for (const c of p.clarifications) {
    if (!KEBAB.test(c.id)) issues.push(`clarification id "${c.id}" is not kebab-case`);
    if (blank(c.question) || blank(c.answer)) issues.push(`clarification "${c.id}" has a blank question or answer`);
  }

  const fitting = OFFLINE_METRICS[p.taskType] ?? [];
  if (p.metrics.offline.length === 0) issues.push('no offline metrics');
  for (const m of p.metrics.offline) if (!fitting.includes(m)) issues.push(`offline metric "${m}" does not fit ${p.taskType}`);
  if (p.metrics.online.length === 0) issues.push('no online metrics');
  for (const m of p.metrics.online) if (!ONLINE.has(m)) issues.push(`unknown online metric "${m}"`);

  if (p.expectedComponents.length === 0) issues.push('no expected components');
  for (const id of duplicates(p.expectedComponents)) issues.push(`duplicate component "${id}"`);
  for (const id of p.expectedComponents) if (!COMPONENT_IDS.has(id)) issues.push(`unknown component "${id}"`);
  return issues;
}

/** The authoring ranges the bank keeps to, stricter than what the app strictly needs. */
function authoringIssues(p: ProblemDefinition): string[] {
  const issues: string[] = [];
  const within = (what: string, n: number, min: number, max: number) => {
    if (n < min || n > max) issues.push(`${what}: ${n} not in ${min}–${max}`);
  };
  within('clarifications', p.clarifications.length, 4, 6);
  within('offline metrics', p.metrics.offline.length, 2, 4);
  within('online metrics', p.metrics.online.length, 2, 4);
  within('expected components', p.expectedComponents.length, 4, 8);
  within('tags', p.tags.length, 2, 4);
  for (const step of STEP_IDS) {
    const g = p.guide[step];
    within(`${step} probes`, g.probes.length, 2, 4);
    within(`${step} followUps`, g.followUps.length, 2, 3);
    within(`${step} redFlags`, g.redFlags.length, 2, 3);
  }
  if (!p.metrics.online.includes('p99 latency') && !p.metrics.online.includes('serving cost')) {
    issues.push('online metrics have no latency or cost guardrail');
  }
  for (const tag of p.tags) if (tag !== tag.toLowerCase()) issues.push(`tag "${tag}" is not lowercase`);
  return issues;
}

/** A deep copy that can be broken without touching the real bank. */
const copyOf = (p: ProblemDefinition): ProblemDefinition => JSON.parse(JSON.stringify(p)) as ProblemDefinition;

describe('problem bank', () => {
  it('has at least 14 problems with unique kebab-case slugs', () => {
    expect(PROBLEMS.length).toBeGreaterThanOrEqual(14);
    const slugs = PROBLEMS.map((p) => p.slug);
    expect(duplicates(slugs)).toEqual([]);
    for (const slug of slugs) expect(slug).toMatch(KEBAB);
  });

  it('keeps the slugs that stored sessions already reference', () => {
    for (const slug of [
      'video-recommendation',
      'ad-click-prediction',
      'harmful-content-detection',
      'fraud-detection',
      'search-ranking',
      'people-you-may-know',
    ]) {
      expect(findProblem(slug)?.slug).toBe(slug);
    }
    expect(findProblem('no-such-problem')).toBeUndefined();
  });

  it.each(PROBLEMS.map((p) => [p.slug, p] as const))('%s is well formed', (_slug, problem) => {
    expect(problemIssues(problem)).toEqual([]);
  });

  it.each(PROBLEMS.map((p) => [p.slug, p] as const))('%s keeps to the authoring ranges', (_slug, problem) => {
    expect(authoringIssues(problem)).toEqual([]);
  });

  it('spreads the problems over every difficulty and several task types', () => {
    expect(new Set(PROBLEMS.map((p) => p.difficulty))).toEqual(new Set(DIFFICULTIES));
    expect(new Set(PROBLEMS.map((p) => p.taskType)).size).toBeGreaterThanOrEqual(5);
  });

  it('asks the classic follow-ups somewhere in the bank', () => {
    const followUps = PROBLEMS.flatMap((p) => STEP_IDS.flatMap((s) => p.guide[s].followUps)).join('\n').toLowerCase();
    for (const theme of [
      /cold start/,
      /label delay/,
      /position bias/,
      /class imbalance|imbalance/,
      /missing values/,
      /normalis/,
      /distribut\w* training|train\w*.*distributed/,
      /drift/,
      /retrain/,
      /canary on about 5 %/,
      /trade accuracy for latency|\d+ ms/,
    ]) {
      expect(followUps).toMatch(theme);
    }
  });

  describe('the checks catch broken problems', () => {
    const base = findProblem('video-recommendation') as ProblemDefinition;

    it('accepts an untouched copy', () => {
      expect(problemIssues(copyOf(base))).toEqual([]);
    });

    it('rejects a missing step guide and empty guide parts', () => {
      const broken = copyOf(base) as unknown as { guide: Record<string, Partial<StepGuide>> };
      delete broken.guide['monitoring'];
      broken.guide['data'] = { ...broken.guide['data'], followUps: [], strongAnswer: '  ' };
      const issues = problemIssues(broken as unknown as ProblemDefinition);
      expect(issues).toContain('no guide for step monitoring');
      expect(issues).toContain('data: followUps empty');
      expect(issues).toContain('data: strongAnswer blank');
    });

    it('rejects metrics that do not fit the task type or are unknown', () => {
      const broken = copyOf(base);
      const ranking = { ...broken, taskType: 'ranking' as const, metrics: { offline: ['RMSE'], online: ['vibes'] } };
      const issues = problemIssues(ranking);
      expect(issues).toContain('offline metric "RMSE" does not fit ranking');
      expect(issues).toContain('unknown online metric "vibes"');
      expect(problemIssues({ ...broken, metrics: { offline: [], online: [] } })).toEqual(
        expect.arrayContaining(['no offline metrics', 'no online metrics']),
      );
    });

    it('rejects duplicate or unknown components and clarification ids', () => {
      const broken = copyOf(base);
      const [first] = broken.clarifications as [ProblemDefinition['clarifications'][number]];
      const issues = problemIssues({
        ...broken,
        expectedComponents: ['ranker', 'ranker', 'quantum-router'],
        clarifications: [first, first],
      });
      expect(issues).toContain('duplicate component "ranker"');
      expect(issues).toContain('unknown component "quantum-router"');
      expect(issues).toContain(`duplicate clarification id "${first.id}"`);
      expect(problemIssues({ ...broken, expectedComponents: [] })).toContain('no expected components');
      expect(problemIssues({ ...broken, clarifications: broken.clarifications.slice(0, 1) })).toContain(
        'fewer than 2 clarifications',
      );
    });

    it('rejects a bad slug, task type, difficulty or custom flag', () => {
      const broken = { ...copyOf(base), slug: 'Video Recs', taskType: 'clustering', difficulty: 'extreme', custom: true };
      const issues = problemIssues(broken as unknown as ProblemDefinition);
      expect(issues).toEqual(
        expect.arrayContaining([
          'slug "Video Recs" is not kebab-case',
          'unknown task type "clustering"',
          'unknown difficulty "extreme"',
          'built-in problem is marked custom',
        ]),
      );
    });

    it('flags a problem outside the authoring ranges', () => {
      const broken = copyOf(base);
      const issues = authoringIssues({ ...broken, tags: ['Vision'], metrics: { ...broken.metrics, online: ['CTR', 'revenue'] } });
      expect(issues).toContain('tags: 1 not in 2–4');
      expect(issues).toContain('tag "Vision" is not lowercase');
      expect(issues).toContain('online metrics have no latency or cost guardrail');
    });
  });
});

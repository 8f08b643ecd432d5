import { STEP_IDS } from './framework';
import { averageScore, RECOMMENDATION_LABELS, RECOMMENDATIONS, RUBRIC_SIGNALS, SCORE_ANCHORS, signalIds, type StepMark } from './rubric';

const ALL_SIGNALS = STEP_IDS.flatMap((step) => RUBRIC_SIGNALS[step]);

describe('rubric (R1)', () => {
  it('R1: covers exactly the seven framework steps, in order', () => {
    expect(Object.keys(RUBRIC_SIGNALS)).toEqual([...STEP_IDS]);
  });

  it.each(STEP_IDS)('R1: step %s has 3 to 6 signals, each with a kebab-case id and a sentence', (step) => {
    const signals = RUBRIC_SIGNALS[step];
    expect(signals.length).toBeGreaterThanOrEqual(3);
    expect(signals.length).toBeLessThanOrEqual(6);
    for (const signal of signals) {
      expect(signal.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(signal.text.trim()).toBe(signal.text);
      expect(signal.text.length).toBeGreaterThan(10);
    }
    expect(signalIds(step)).toEqual(signals.map((s) => s.id));
  });

  it('R1: signal ids are unique across the whole rubric, and so are their texts', () => {
    const ids = ALL_SIGNALS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    const texts = ALL_SIGNALS.map((s) => s.text.toLowerCase());
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('R1: the ids scorecards already store never change', () => {
    // Stored scorecards refer to these ids: renaming one orphans every tick made with it.
    expect(signalIds('requirements')).toEqual(expect.arrayContaining(['req-scale-latency']));
    expect(signalIds('framing')).toEqual(expect.arrayContaining(['frame-output']));
    expect(signalIds('data')).toEqual(expect.arrayContaining(['data-cleaning']));
    expect(signalIds('evaluation')).toEqual(expect.arrayContaining(['eval-offline-metric', 'eval-tradeoff']));
    expect(signalIds('serving')).toEqual(expect.arrayContaining(['serve-rollout']));
    expect(signalIds('monitoring')).toEqual(expect.arrayContaining(['mon-drift']));
  });

  it('R1: there is an anchor for each score 1 to 4 and for nothing else', () => {
    expect(Object.keys(SCORE_ANCHORS)).toEqual(['1', '2', '3', '4']);
    for (const anchor of Object.values(SCORE_ANCHORS)) expect(anchor.length).toBeGreaterThan(10);
    expect(new Set(Object.values(SCORE_ANCHORS)).size).toBe(4);
  });

  it('R1: the six recommendations, from strong no hire to strong hire, each with a label', () => {
    expect(RECOMMENDATIONS).toEqual(['strong_no_hire', 'no_hire', 'lean_no_hire', 'lean_hire', 'hire', 'strong_hire']);
    expect(Object.keys(RECOMMENDATION_LABELS).sort()).toEqual([...RECOMMENDATIONS].sort());
    expect(new Set(Object.values(RECOMMENDATION_LABELS)).size).toBe(RECOMMENDATIONS.length);
  });

  describe('averageScore', () => {
    const marks = (...scores: StepMark[]) => scores.map((score) => ({ score }));

    it.each<[string, StepMark[], number | null]>([
      ['no steps', [], null],
      ['only unscored and not covered steps', [null, 'not_covered', null], null],
      ['one score', [3], 3],
      ['whole numbers', [1, 2, 3, 4], 2.5],
      ['not covered and unscored steps left out', [4, 'not_covered', 2, null], 3],
      ['a third rounded to one decimal', [1, 1, 2], 1.3],
      ['two thirds rounded to one decimal', [2, 2, 1], 1.7],
      ['all seven steps', [3, 3, 3, 3, 3, 3, 4], 3.1],
    ])('R4/R7: %s', (_name, scores, expected) => {
      expect(averageScore(marks(...scores))).toBe(expected);
    });
  });
});

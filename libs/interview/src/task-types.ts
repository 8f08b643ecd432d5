/** The ML categories a problem is framed as; each decides which offline metrics fit it. */
export const TASK_TYPES = ['classification', 'regression', 'ranking', 'retrieval', 'generation', 'detection'] as const;
export type TaskType = (typeof TASK_TYPES)[number];

/** Offline metrics that fit each task type; a problem's offline metrics are drawn from its type's list. */
export const OFFLINE_METRICS: Readonly<Record<TaskType, readonly string[]>> = {
  classification: ['ROC-AUC', 'PR-AUC', 'log loss', 'precision', 'recall', 'F1', 'calibration'],
  regression: ['RMSE', 'MAE', 'MAPE', 'R²'],
  ranking: ['NDCG', 'MAP', 'MRR', 'recall@k', 'precision@k'],
  retrieval: ['recall@k', 'precision@k', 'MRR', 'NDCG', 'MAP'],
  generation: ['groundedness', 'answer relevance', 'ROUGE', 'BLEU', 'human rating', 'recall@k'],
  detection: ['mAP', 'IoU', 'precision', 'recall', 'PR-AUC'],
};

/** Online business and guardrail metrics problems may name. */
export const ONLINE_METRICS = [
  'CTR',
  'watch time',
  'conversion rate',
  'revenue',
  'p99 latency',
  'session length',
  'daily active users',
  'retention',
  'user reports',
  'appeal rate',
  'prevalence',
  'chargeback rate',
  'false decline rate',
  'accepted connections',
  'bookings',
  'resolution rate',
  'escalation rate',
  'ETA error in production',
  'cancellation rate',
  'zero-result rate',
  'diversity',
  'hide rate',
  'serving cost',
] as const;
export type OnlineMetric = (typeof ONLINE_METRICS)[number];

export interface ProblemMetrics {
  offline: readonly string[];
  online: readonly string[];
}

/** Metrics for a problem that lists none of its own (custom problems): what fits its task type. */
export function defaultMetrics(taskType: TaskType): ProblemMetrics {
  return { offline: OFFLINE_METRICS[taskType], online: ['p99 latency'] };
}

import type { ProblemDefinition } from '../problem';

export const videoRecommendation: ProblemDefinition = {
  slug: 'video-recommendation',
  title: 'Video recommendations',
  summary: 'Personalise the home feed of a large video platform.',
  prompt:
    'A video-sharing platform opens on a home page of recommended videos for every signed-in user. ' +
    'The company wants people to find videos they enjoy and keep coming back. ' +
    'Design the system that decides which videos appear on each user’s home feed and in what order, ' +
    'from collecting data through serving the feed and keeping the models healthy once they are live.',
  taskType: 'ranking',
  tags: ['recommendation', 'personalization', 'video'],
  difficulty: 'medium',
  custom: false,
  clarifications: [
    {
      id: 'goal',
      question: 'What is the business goal: clicks, watch time, or something else?',
      answer:
        'Long-term engagement. Leadership tracks total watch time and 7-day retention; raw clicks alone are not the goal because they reward clickbait.',
    },
    {
      id: 'scale',
      question: 'How many videos and users are there?',
      answer: 'About 10 million videos in the catalogue, 500,000 uploaded per day, and 200 million daily active users.',
    },
    {
      id: 'latency',
      question: 'How fast must the home feed load?',
      answer: 'The recommendation service must return 30 ranked videos within 200 ms at p99, at a peak of about 100,000 requests per second.',
    },
    {
      id: 'data',
      question: 'What interaction data is logged?',
      answer:
        'Impressions, clicks, watch duration, likes, shares, “not interested” and search queries, plus video metadata (title, tags, language, length) and user profile fields (age band, country, language).',
    },
    {
      id: 'cold-start',
      question: 'Do new users and freshly uploaded videos need recommendations?',
      answer: 'Yes: roughly 1 million new sign-ups per day, and a new video should be able to reach an audience within an hour of upload.',
    },
  ],
  metrics: {
    offline: ['NDCG', 'recall@k', 'MAP'],
    online: ['watch time', 'CTR', 'diversity', 'p99 latency'],
  },
  guide: {
    requirements: {
      probes: [
        'What are we optimising for: clicks, watch time, retention?',
        'How large is the catalogue, and how many requests per second at peak?',
        'What latency budget does the home page give the recommender?',
      ],
      followUps: [
        'Some users are logged out or brand new. What do they see, and does the design change for them?',
        'Are there constraints on content: region licensing, age restrictions, creator fairness?',
      ],
      strongAnswer:
        'Pins the objective to long-term engagement (watch time and return visits) rather than clicks, and gets numbers: ~10 M videos, ~200 M DAU, ~100 k QPS, 200 ms p99 for 30 results.',
      redFlags: ['Starts drawing a model before asking about scale or the objective', 'Treats CTR as the only goal without noticing clickbait'],
    },
    framing: {
      probes: [
        'What exactly does your model predict for a (user, video) pair?',
        'Can a single model score 10 million videos per request within budget?',
      ],
      followUps: [
        'If you predict several things (click, watch fraction, like), how do you combine them into one ranking score?',
        'Why not predict watch time directly as a regression target? What goes wrong for short versus long videos?',
      ],
      strongAnswer:
        'Frames it as ranking with a multi-stage funnel: several cheap candidate generators (two-tower retrieval, recently watched creators, trending) narrow 10 M videos to ~1,000, then a heavier ranker predicts P(click) and expected watch fraction that are combined into a weighted score, followed by re-ranking for diversity and policy.',
      redFlags: ['Scores the whole catalogue with one heavy model per request', 'Cannot say what the label is'],
    },
    data: {
      probes: [
        'Where do positive and negative labels come from?',
        'Which user, video and context features would you build?',
        'How do training and serving see the same features?',
      ],
      followUps: [
        'Only shown videos can be clicked, and the top slots get clicked more. How do you correct for position bias in the logged labels?',
        'A video uploaded ten minutes ago has no interactions. How does it get features and a chance to be shown (cold start)?',
        'Watch time is heavy-tailed and video length varies from 10 seconds to 3 hours. How do you normalise it?',
      ],
      strongAnswer:
        'Builds labels from impressions (a watch above a threshold fraction as positive, an impression skipped as negative, “not interested” as a strong negative), and features from user history embeddings, video metadata and content embeddings, and context (time, device); keeps them in an online/offline feature store and logs served features to avoid skew.',
      redFlags: ['Uses random unseen videos as the only negatives without discussing it', 'Ignores position bias entirely', 'Computes features differently in training and serving'],
    },
    model: {
      probes: [
        'What is your baseline before any deep model?',
        'How is the candidate-generation model trained, and how is the ranker trained?',
      ],
      followUps: [
        'Training data is billions of impressions per day. How do you train it: data parallelism, sharded embedding tables?',
        'How often do you retrain, and how do you keep fresh videos from waiting for the next full retrain?',
      ],
      strongAnswer:
        'Baseline of popularity per region, then a two-tower model trained with in-batch sampled-softmax negatives for retrieval and a multi-task deep ranker (shared layers, heads for click and watch fraction) trained on a time-based split; full retrain daily with hourly incremental updates of embeddings, using data-parallel training with sharded embedding tables.',
      redFlags: ['Random train/test split over time-ordered interactions', 'Jumps to a transformer with no baseline or reason'],
    },
    evaluation: {
      probes: ['Which offline metrics for candidate generation and for the ranker?', 'What online experiment would convince you to launch?'],
      followUps: [
        'Offline NDCG went up but watch time in the A/B test fell. What could explain it?',
        'A bigger ranker gains 1 % NDCG but adds 40 ms. How do you decide whether it is worth it?',
      ],
      strongAnswer:
        'Uses recall@k for retrieval and NDCG/MAP for the ranker on a held-out later time window, then an A/B test on watch time and retention with CTR as a secondary metric and guardrails on p99 latency, diversity and “not interested” rate.',
      redFlags: ['Reports accuracy for a ranking problem', 'No guardrail metrics in the A/B test'],
    },
    serving: {
      probes: ['What is computed in batch and what at request time?', 'How is the 200 ms budget split across stages?'],
      followUps: [
        'How do you roll out the new ranker: shadow traffic, then a canary on about 5 % of users; which ML and business guardrails trigger a rollback?',
        'How do you keep serving inside budget if traffic doubles during a live event?',
      ],
      strongAnswer:
        'Video embeddings are computed in batch into an ANN index refreshed hourly, the user tower runs online; retrieval ~30 ms, feature fetch ~20 ms, ranking ~1,000 candidates ~80 ms, re-ranking ~10 ms. Rollout goes shadow, then a 5 % canary watched on watch time, p99 latency and error rate, with automatic rollback.',
      redFlags: ['Precomputes every user’s full feed daily and ignores freshness', 'No rollback plan'],
    },
    monitoring: {
      probes: ['What do you monitor after launch?', 'How do you notice the model has gone stale?'],
      followUps: [
        'The recommender only learns from what it showed. How do you stop a feedback loop that keeps narrowing what users see?',
        'Tastes shift quickly around trends and holidays. How do you detect drift and set the retraining cadence?',
      ],
      strongAnswer:
        'Monitors feature and score distributions, catalogue coverage and diversity, and daily online metrics per segment, with alerts on drift; keeps a small exploration slice to collect unbiased data and retrains daily with automated validation gates before promotion.',
      redFlags: ['Only monitors service uptime', 'Never mentions feedback loops or exploration'],
    },
  },
  expectedComponents: [
    'api-gateway',
    'candidate-generation',
    'ann-index',
    'ranker',
    're-ranker',
    'feature-store-online',
    'message-queue',
    'training-pipeline',
  ],
};

import type { ProblemDefinition } from '../problem';

export const newsFeed: ProblemDefinition = {
  slug: 'news-feed',
  title: 'Personalised news feed',
  summary: 'Rank the posts in each user’s social news feed.',
  prompt:
    'A social network shows each user a feed of posts from friends, groups and pages they follow. ' +
    'There are far more eligible posts than a user can read, and the company wants the feed to show what each person will find most worthwhile first. ' +
    'Design the system that selects and orders posts in the feed each time a user opens the app or scrolls.',
  taskType: 'ranking',
  tags: ['recommendation', 'feed', 'social'],
  difficulty: 'medium',
  custom: false,
  clarifications: [
    {
      id: 'scale',
      question: 'How many users and posts?',
      answer: 'About 1 billion daily active users; a user has on average 1,500 eligible new posts since their last visit.',
    },
    {
      id: 'latency',
      question: 'Latency?',
      answer: 'A feed page of 20 posts must be ready within 200 ms at p99; peak load is about 500,000 feed requests per second.',
    },
    {
      id: 'goal',
      question: 'What is the goal?',
      answer:
        'Meaningful engagement: the company values comments, shares and time spent over passive clicks, and tracks daily active users; posts users hide count strongly against a ranking.',
    },
    {
      id: 'data',
      question: 'What interactions are logged?',
      answer: 'Impressions with dwell time, likes, comments, shares, clicks, hides and reports, plus the social graph and post content (text, image, video, link).',
    },
    {
      id: 'freshness',
      question: 'How fresh must the feed be?',
      answer: 'A post should be eligible within a minute of being published, and engagement counts on posts should update within minutes.',
    },
  ],
  metrics: {
    offline: ['NDCG', 'MAP', 'recall@k'],
    online: ['session length', 'daily active users', 'hide rate', 'p99 latency'],
  },
  guide: {
    requirements: {
      probes: ['What kind of engagement matters?', 'How many candidate posts per user, and what latency?', 'How fresh must posts be?'],
      followUps: [
        'Should the feed ever show posts from people the user does not follow?',
        'What content integrity rules (misinformation, borderline content) must the feed respect?',
      ],
      strongAnswer:
        'Defines success as meaningful engagement and daily actives, not raw clicks; ~1,500 candidates per user, 200 ms p99 at ~500 k QPS, posts eligible within a minute.',
      redFlags: ['Maximises clicks only', 'Chronological ordering presented as the design'],
    },
    framing: {
      probes: ['What does the model predict for each (user, post)?', 'How do you combine several engagement types?'],
      followUps: [
        'Predicting likes, comments, shares and hides separately, how do you weight them into a single score, and who decides the weights?',
        'Why is a multi-task model better than one model per action here?',
      ],
      strongAnswer:
        'Ranking via a multi-task model predicting probabilities of like, comment, share, dwell and hide per (user, post); a weighted sum (negative weight for hide) gives the ranking score, then re-ranking adds diversity and integrity demotions.',
      redFlags: ['Single click model', 'No negative signals'],
    },
    data: {
      probes: ['Which features describe user, author, post and their relationship?', 'How do you build labels?'],
      followUps: [
        'Posts at the top of the feed get more engagement regardless of quality. How would you handle position bias in training?',
        'Comments and shares are 10–100× rarer than likes. How do you deal with the imbalance across tasks?',
        'Engagement counts of a brand-new post are tiny and noisy. How do you normalise them and handle post cold start?',
      ],
      strongAnswer:
        'Labels per action from impressions within a window; features include user–author affinity (past interactions), post age and type, author features, real-time engagement velocity from stream processing, and content embeddings; position as a training-only feature, per-task class weighting, and smoothed engagement rates for new posts.',
      redFlags: ['Ignores position effects', 'No freshness for engagement counters'],
    },
    model: {
      probes: ['What is a baseline?', 'What architecture do you propose?'],
      followUps: [
        'Training data is tens of billions of impressions per day. How do you distribute training and keep embedding tables manageable?',
        'How often do you retrain, given topics and user interests move daily?',
      ],
      strongAnswer:
        'Baseline: affinity × recency heuristic; then a multi-task deep network with shared bottom layers and per-action heads, trained on a time-based split with data-parallel workers and sharded embeddings; retrained daily with frequent incremental updates.',
      redFlags: ['Random split', 'No retraining plan'],
    },
    evaluation: {
      probes: ['Which offline metrics?', 'How do you test online, and for how long?'],
      followUps: [
        'Engagement can rise while long-term retention falls. How would you detect that in an experiment?',
        'A heavier ranker improves NDCG by 1.5 % but would need 2× the serving fleet. How do you decide?',
      ],
      strongAnswer:
        'Offline ROC-AUC and calibration per action head, and NDCG on weighted engagement over held-out days; online A/B on session length and daily actives over weeks, with guardrails on hide/report rate and p99 latency, plus long-running holdouts for retention effects.',
      redFlags: ['Two-day test for a retention claim', 'No guardrails'],
    },
    serving: {
      probes: ['How is the feed assembled at request time?', 'What is precomputed?'],
      followUps: [
        'How do you launch: shadow scoring, then a canary on about 5 % of users with ML and business guardrails (prediction calibration, hide rate, latency)?',
        'At 500 k QPS, what would you do to cut ranking cost: a light first-pass ranker, caching, distillation?',
      ],
      strongAnswer:
        'Candidate retrieval merges fresh posts from followed sources (fan-out on write for most, on read for celebrity authors), a light ranker trims 1,500 to ~300, the heavy ranker scores them (~80 ms), then re-ranking for diversity; results cached for the session; rollout via shadow and a 5 % canary.',
      redFlags: ['Scores all 1,500 posts with the heavy model', 'No fallback if ranking times out'],
    },
    monitoring: {
      probes: ['What do you watch after launch?', 'What long-term risks exist?'],
      followUps: [
        'The feed trains on engagement it produced. How do you avoid a loop that over-promotes sensational content?',
        'News events shift what people engage with within hours. How do you detect drift and set the retraining cadence?',
      ],
      strongAnswer:
        'Monitors engagement and hide rates per segment, calibration of each head, feature freshness and drift; retrains daily with alerts; integrity and diversity metrics watched alongside engagement to catch harmful feedback loops.',
      redFlags: ['Only engagement dashboards', 'Ignores feedback loops'],
    },
  },
  expectedComponents: [
    'candidate-generation',
    'ranker',
    're-ranker',
    'feature-store-online',
    'message-queue',
    'cache',
    'experimentation',
  ],
};

import type { ProblemDefinition } from '../problem';

export const searchRanking: ProblemDefinition = {
  slug: 'search-ranking',
  title: 'E-commerce search ranking',
  summary: 'Rank the products returned for a shopper’s search query.',
  prompt:
    'An online marketplace lets shoppers type a query and see a page of matching products. ' +
    'Today the results are ordered by a hand-tuned relevance formula, and the company believes better ordering would help shoppers find what they want and buy more. ' +
    'Design the ML system that ranks products for each query, from the data it learns from to how it is served and improved over time.',
  taskType: 'ranking',
  tags: ['search', 'e-commerce', 'learning-to-rank'],
  difficulty: 'medium',
  custom: false,
  clarifications: [
    {
      id: 'scale',
      question: 'How big is the catalogue and the query traffic?',
      answer: 'About 100 million products, 50 million searches a day, peaking at 3,000 queries per second.',
    },
    {
      id: 'latency',
      question: 'What is the latency budget?',
      answer: 'The search page must return within 300 ms at p99, of which ranking can take about 100 ms.',
    },
    {
      id: 'goal',
      question: 'What does success mean for the business?',
      answer: 'More purchases from search: the primary metric is conversion rate per search session, with revenue per search as a secondary one.',
    },
    {
      id: 'data',
      question: 'What data is logged?',
      answer:
        'Queries, the results shown with their positions, clicks, add-to-cart and purchase events, plus product attributes (title, category, price, ratings, stock) and seller information.',
    },
    {
      id: 'retrieval',
      question: 'Is there already a retrieval stage?',
      answer: 'Yes, a keyword index returns up to 2,000 matching products per query; the task is mainly ranking them, though you may improve retrieval too.',
    },
  ],
  metrics: {
    offline: ['NDCG', 'MRR', 'recall@k'],
    online: ['conversion rate', 'revenue', 'zero-result rate', 'p99 latency'],
  },
  guide: {
    requirements: {
      probes: [
        'What business outcome should ranking improve?',
        'How many products and queries, and what is the latency budget?',
        'Is there a retrieval stage already, or do we build it?',
      ],
      followUps: [
        'Do sponsored products or seller fairness constraints affect the order?',
        'Should results be personalised, or the same for every shopper with this query?',
      ],
      strongAnswer:
        'Clarifies the goal (conversions per search), scale (~100 M products, ~3 k QPS), ~100 ms for ranking up to 2,000 retrieved candidates, and whether personalisation and sponsored slots are in scope.',
      redFlags: ['Optimises clicks without asking about purchases', 'Assumes the whole catalogue is scored per query'],
    },
    framing: {
      probes: ['What does the ranker predict for each (query, product) pair?', 'Pointwise, pairwise or listwise?'],
      followUps: [
        'Clicks, add-to-cart and purchases are different signals. How do you turn them into graded relevance labels?',
        'Would you add a semantic (embedding) retrieval path next to the keyword index? Why?',
      ],
      strongAnswer:
        'Two stages: keyword plus embedding retrieval to ~1,000 candidates, then a learning-to-rank model scoring (query, product, user) with graded labels (purchase > add-to-cart > click > skip) and a listwise or pairwise objective optimising NDCG.',
      redFlags: ['Treats it as classification with no notion of order', 'Cannot say what a label is'],
    },
    data: {
      probes: ['How do you build labels from search logs?', 'What query, product and query–product features would you use?'],
      followUps: [
        'Shoppers click the top results far more often regardless of relevance. How do you correct for position bias in the training labels?',
        'New products have no clicks or sales yet. How do they get ranked fairly (cold start)?',
        'Prices range from 1 to 10,000 and many products miss attributes. How do you normalise and fill them?',
      ],
      strongAnswer:
        'Builds graded labels from logged sessions, corrects position bias with inverse propensity weighting (propensities estimated from small randomised swaps) or a position feature set to a constant at serving; uses text match scores, embedding similarity, price, ratings, sales velocity and stock, with log transforms and missing indicators, and a content-based prior for new products.',
      redFlags: ['Treats unclicked items at position 40 as strong negatives', 'Ignores position bias completely'],
    },
    model: {
      probes: ['What is the baseline?', 'Which learning-to-rank model would you pick first?'],
      followUps: [
        'Would a cross-encoder over the query and product title help? Where would you put it given the budget?',
        'How often would you retrain, given seasonal shifts like holiday sales?',
      ],
      strongAnswer:
        'Baseline is the current BM25 formula; first model is gradient-boosted trees with a LambdaMART objective on ~100 features, later a neural ranker with query and product embeddings; time-based split, weekly retraining with daily feature refresh, and a small cross-encoder only on the top 50 if latency allows.',
      redFlags: ['Only a neural model with no baseline', 'Random split across time'],
    },
    evaluation: {
      probes: ['Which offline metrics?', 'What online test would you run?'],
      followUps: [
        'Offline NDCG improved but conversion did not move. What could explain it?',
        'Interleaving versus A/B testing: when would you use each?',
      ],
      strongAnswer:
        'Measures NDCG@10 and MRR on held-out later sessions with graded labels, then an A/B test (or interleaving for faster signal) on conversion and revenue per search, with guardrails on zero-result rate and p99 latency.',
      redFlags: ['No online evaluation plan', 'Uses precision without accounting for order'],
    },
    serving: {
      probes: ['How is the 100 ms ranking budget spent?', 'What can be cached?'],
      followUps: [
        'How do you launch: shadow ranking, then a canary on about 5 % of searches with guardrails on conversion, latency and zero-result rate?',
        'Head queries repeat a lot. Would you cache ranked results, and how do you keep stock and price fresh?',
      ],
      strongAnswer:
        'Retrieval ~40 ms, fetch features for ~1,000 candidates from the online store ~20 ms, rank ~30 ms, apply business filters; cache head-query features and results briefly with invalidation on stock changes; roll out via shadow and a 5 % canary with rollback.',
      redFlags: ['Per-product network calls for features', 'Caches results without handling out-of-stock items'],
    },
    monitoring: {
      probes: ['What would you monitor after launch?', 'When do you retrain?'],
      followUps: [
        'The ranker learns from clicks on what it ranked highly. How do you avoid a rich-get-richer loop for popular products?',
        'New query trends appear overnight (a viral product). How would you detect and react to that drift?',
      ],
      strongAnswer:
        'Monitors conversion and zero-result rate per query segment, feature drift, and the share of new products reaching page one; keeps a small randomisation slice for unbiased data and retrains weekly, with alerts on sudden query-distribution shifts.',
      redFlags: ['No awareness of the popularity feedback loop', 'Only monitors latency'],
    },
  },
  expectedComponents: [
    'api-gateway',
    'search-index',
    'ranker',
    'feature-store-online',
    'cache',
    'message-queue',
    'experimentation',
  ],
};

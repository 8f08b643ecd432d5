import type { ProblemDefinition } from '../problem';

export const etaPrediction: ProblemDefinition = {
  slug: 'eta-prediction',
  title: 'ETA prediction',
  summary: 'Predict how long a food delivery will take, from order to doorstep.',
  prompt:
    'A food-delivery app shows customers an estimated delivery time before they order and keeps it updated until the food arrives. ' +
    'When the estimate is wrong, customers cancel or complain, and couriers and restaurants are planned badly. ' +
    'Design the system that predicts the delivery time for each order and keeps the estimate accurate as conditions change.',
  taskType: 'regression',
  tags: ['regression', 'real-time', 'logistics'],
  difficulty: 'easy',
  custom: false,
  clarifications: [
    {
      id: 'scale',
      question: 'How many orders and predictions?',
      answer: 'About 3 million orders a day in 500 cities; estimates are requested about 20 times per order (browsing, checkout, updates), peaking at 10,000 predictions per second.',
    },
    {
      id: 'latency',
      question: 'How fast must a prediction be?',
      answer: 'Within 50 ms at p99, because restaurant lists show an estimate for every restaurant.',
    },
    {
      id: 'target',
      question: 'What exactly are we predicting?',
      answer: 'Minutes from order placement to delivery; the median delivery takes 32 minutes. The estimate is shown as a 10-minute range.',
    },
    {
      id: 'data',
      question: 'What data do we have?',
      answer:
        'Two years of completed orders with timestamps for each stage (accepted, food ready, picked up, delivered), courier GPS pings every 5 seconds, restaurant preparation history, live traffic from a map provider and weather.',
    },
    {
      id: 'errors',
      question: 'Is being late worse than being early?',
      answer: 'Yes: a late delivery hurts satisfaction about twice as much as an equally early one.',
    },
  ],
  metrics: {
    offline: ['MAE', 'RMSE', 'MAPE'],
    online: ['ETA error in production', 'cancellation rate', 'p99 latency'],
  },
  guide: {
    requirements: {
      probes: ['What is the target exactly, and when is it predicted?', 'How many predictions per second, at what latency?', 'Is lateness worse than earliness?'],
      followUps: [
        'Does the estimate also drive courier dispatch, or only what the customer sees?',
        'Should the estimate change after the order, and how often may it change without annoying customers?',
      ],
      strongAnswer:
        'Defines the target as order-to-door minutes, learns there are ~10 k predictions/s at 50 ms, that late is twice as costly as early, and that estimates are updated through the order’s life.',
      redFlags: ['Does not define the target', 'Treats errors symmetrically without asking'],
    },
    framing: {
      probes: ['Regression or classification?', 'One model, or one per stage of the delivery?'],
      followUps: [
        'Would you predict a point estimate, or a distribution (quantiles) to show a range?',
        'How does the asymmetric cost of lateness change the loss you train with?',
      ],
      strongAnswer:
        'Regression, decomposed into stages (food preparation, courier travel to restaurant, wait, travel to customer) or a single model with stage-aware features; predicts quantiles (e.g. P50 and P80) with a quantile/pinball loss to express the asymmetric cost and display a range.',
      redFlags: ['Classifies into late/on-time only', 'Ignores uncertainty'],
    },
    data: {
      probes: ['Which features would you compute?', 'Where do the labels come from?'],
      followUps: [
        'Couriers sometimes mark delivery late or early by mistake. How do you clean labels using GPS traces?',
        'Traffic feeds and restaurant prep histories are missing for new restaurants and small cities. How do you handle missing values and normalise features across cities?',
        'Which features must be real time (restaurant load right now) and how do they reach the model?',
      ],
      strongAnswer:
        'Labels from delivery timestamps, corrected with GPS arrival; features: route distance and map travel time, time of day and weekday, weather, restaurant’s recent prep times and current order queue, courier supply nearby; missing values filled with city or cuisine averages plus indicators, distances and times scaled per city; real-time aggregates computed in a stream processor into the online feature store.',
      redFlags: ['Straight-line distance only', 'No real-time features'],
    },
    model: {
      probes: ['What is the baseline?', 'Which model would you use?'],
      followUps: [
        'Would a deep model over the route (sequence of road segments) beat trees? What would it cost in latency?',
        'How often would you retrain, and what about new cities with little history?',
      ],
      strongAnswer:
        'Baseline: historical median per restaurant and distance band; then gradient-boosted trees with quantile loss on a time-based split; retrained weekly, with new cities using a global model plus city features until local data accumulates.',
      redFlags: ['No baseline', 'Random split over time'],
    },
    evaluation: {
      probes: ['Which offline metrics?', 'What do you measure online?'],
      followUps: [
        'MAE fell by a minute but cancellations did not change. Why might that be?',
        'A route-level model improves MAE by 8 % but takes 120 ms. How would you keep it within 50 ms, or would you trade accuracy for latency?',
      ],
      strongAnswer:
        'Offline MAE and RMSE overall and by city and hour, plus share of deliveries later than the upper bound; online A/B on production ETA error, cancellation rate and complaints, with p99 latency as a guardrail.',
      redFlags: ['Only overall RMSE without slices', 'No business metric'],
    },
    serving: {
      probes: ['Where does inference run?', 'What gets cached for the restaurant list?'],
      followUps: [
        'How do you roll out a new model: shadow predictions, then a canary on about 5 % of orders, guarding ETA error, cancellations and latency?',
        'The restaurant list needs estimates for 100 restaurants at once. How do you stay within 50 ms?',
      ],
      strongAnswer:
        'A lightweight tree model on an online inference service with batched requests for list pages; restaurant-level prep estimates precomputed every minute and cached; the order-level model re-runs on status events; rollout via shadow then a 5 % canary with rollback.',
      redFlags: ['Calls a slow external routing API for every list item', 'No canary'],
    },
    monitoring: {
      probes: ['What do you monitor?', 'How do you know the model is drifting?'],
      followUps: [
        'Heavy rain or a big sports event changes delivery times within an hour. How would you detect and react to that drift, and what is your retraining cadence?',
        'The shown ETA changes customer behaviour (fewer orders from far restaurants). How does that feedback affect training data?',
      ],
      strongAnswer:
        'Monitors production error per city and hour as deliveries complete (labels arrive within an hour), feature freshness and distributions; alerts when error exceeds thresholds; retrains weekly, with real-time features handling short-term shifts.',
      redFlags: ['No per-city monitoring', 'Never compares predictions with actual deliveries'],
    },
  },
  expectedComponents: [
    'api-gateway',
    'inference-service',
    'feature-store-online',
    'stream-processing',
    'training-pipeline',
    'monitoring',
  ],
};

import type { ProblemDefinition } from '../problem';

export const eventRecommendation: ProblemDefinition = {
  slug: 'event-recommendation',
  title: 'Event recommendations',
  summary: 'Recommend upcoming local events that a user is likely to register for.',
  prompt:
    'An events platform lists concerts, workshops, meetups and conferences that people can register for or buy tickets to. ' +
    'The company wants each user to see a personalised list of upcoming events they are likely to attend. ' +
    'Design the system that builds this list, keeping in mind that events are short-lived and tied to a place and a date.',
  taskType: 'ranking',
  tags: ['recommendation', 'location', 'cold-start'],
  difficulty: 'medium',
  custom: false,
  clarifications: [
    {
      id: 'scale',
      question: 'How many events and users?',
      answer: 'About 1 million upcoming events at any time, 100,000 new ones a day, and 20 million monthly active users.',
    },
    {
      id: 'lifetime',
      question: 'How long does an event stay relevant?',
      answer: 'Most events are created 1–4 weeks before they happen and disappear once they end, so almost every event is new.',
    },
    {
      id: 'goal',
      question: 'What is the business goal?',
      answer: 'Registrations and ticket sales; the platform earns a fee on paid tickets.',
    },
    {
      id: 'data',
      question: 'What data do we have?',
      answer:
        'Event details (category, organiser, venue location, time, price, description), user profiles and locations, past registrations, follows of organisers, and friends’ registrations for users who connected their contacts.',
    },
    {
      id: 'latency',
      question: 'Latency requirements?',
      answer: 'The recommendations page must load within 200 ms at p99.',
    },
  ],
  metrics: {
    offline: ['NDCG', 'recall@k', 'MAP'],
    online: ['conversion rate', 'CTR', 'revenue', 'p99 latency'],
  },
  guide: {
    requirements: {
      probes: ['What counts as success: clicks, registrations, tickets?', 'How many events, and how long do they live?'],
      followUps: [
        'How far are users willing to travel, and does it depend on the event type?',
        'Should organisers with few registrations get a fair share of exposure?',
      ],
      strongAnswer:
        'Learns that events are short-lived (created 1–4 weeks ahead), ~1 M active at once, the goal is registrations and paid tickets, location and time matter, and the page has 200 ms.',
      redFlags: ['Treats events like long-lived catalogue items', 'Ignores location'],
    },
    framing: {
      probes: ['What does the ranker predict?', 'How do you narrow 1 million events quickly?'],
      followUps: [
        'Pure collaborative filtering needs interaction history per item. Why does that struggle here?',
        'Should the output be a binary “will register” probability or a ranking objective?',
      ],
      strongAnswer:
        'Candidate generation filters by location radius and date, then ranks with a pointwise model predicting P(register) from user, event and user–event features (a content- and context-based approach, since collaborative signals per event are thin), followed by diversity and business rules.',
      redFlags: ['Pure matrix factorisation over events', 'No candidate filtering step'],
    },
    data: {
      probes: ['Which features describe the match between a user and an event?', 'How are labels built?'],
      followUps: [
        'Every event is new. How do you handle item cold start using organiser history, category and text embeddings?',
        'Registrations happen days after the impression. How do you handle that label delay when building training data?',
        'Only about 1 % of impressions lead to registration. How do you handle the imbalance?',
      ],
      strongAnswer:
        'Labels: registration after impression as positive, impression without registration as negative, with a wait window for late registrations; features include distance, time until the event, price versus the user’s past spend, category affinity, organiser follow and past quality, friends attending, and text embeddings of the description; real-time counts of registrations via stream processing.',
      redFlags: ['Relies on per-event interaction history only', 'No distance or time features'],
    },
    model: {
      probes: ['What is the baseline?', 'Which model would you train first?'],
      followUps: [
        'Would a neural model with learned embeddings beat gradient-boosted trees here? What would it take?',
        'How often must you retrain when the event set turns over every few weeks?',
      ],
      strongAnswer:
        'Baseline: popular events nearby; then gradient-boosted trees on engineered features (fast, handles mixed feature types); time-based split; daily retraining since the item set changes constantly, with features refreshed in near real time.',
      redFlags: ['Monthly retraining', 'Deep model as the first step with no baseline'],
    },
    evaluation: {
      probes: ['Which offline metrics?', 'What does the A/B test measure?'],
      followUps: [
        'A model gives a 2 % better NDCG by adding friend features computed from a slow graph query. Is the latency worth it?',
        'How do you evaluate fairly when test events did not exist in training?',
      ],
      strongAnswer:
        'Offline NDCG and recall@k on the following week’s registrations (events unseen in training); online A/B on registrations per user and ticket revenue, with CTR secondary and guardrails on p99 latency and organiser coverage.',
      redFlags: ['Evaluates on a random split where test events appear in training', 'No business metric'],
    },
    serving: {
      probes: ['Batch or online predictions?', 'How is location handled at request time?'],
      followUps: [
        'How do you roll out the model: a canary on about 5 % of users with guardrails on registrations and latency, and a rollback plan?',
        'A user travels to another city. Does your design adapt immediately?',
      ],
      strongAnswer:
        'Online prediction because location, time and event inventory change constantly: geo-indexed candidate lookup (~20 ms), feature fetch from the online store, ranking a few hundred candidates (~50 ms), then re-ranking for category diversity; rollout via a 5 % canary with automatic rollback.',
      redFlags: ['Precomputes lists weekly', 'Ignores the user’s current location'],
    },
    monitoring: {
      probes: ['What do you monitor?', 'What drift is likely?'],
      followUps: [
        'Seasonality shifts demand (summer festivals, holiday events). How do you detect drift and adjust the retraining cadence?',
        'Popular organisers get more exposure and more registrations. How do you stop this loop from starving new organisers?',
      ],
      strongAnswer:
        'Monitors registration rate by category and city, feature freshness, score distributions and organiser coverage; retrains daily and alerts on drift; keeps some exploration for new organisers.',
      redFlags: ['No monitoring of new-organiser exposure', 'Only latency monitoring'],
    },
  },
  expectedComponents: [
    'candidate-generation',
    'ranker',
    're-ranker',
    'feature-store-online',
    'stream-processing',
    'experimentation',
  ],
};

import type { ProblemDefinition } from '../problem';

export const similarListings: ProblemDefinition = {
  slug: 'similar-listings',
  title: 'Similar listings',
  summary: 'Show rentals similar to the one a guest is viewing on a vacation-rental site.',
  prompt:
    'On a vacation-rental marketplace, each listing page has a carousel of other places to stay. ' +
    'The company wants this carousel to show alternatives the guest is likely to book, especially when the current listing is not quite right or is unavailable. ' +
    'Design the system that picks and orders the listings in this carousel.',
  taskType: 'retrieval',
  tags: ['recommendation', 'embeddings', 'marketplace'],
  difficulty: 'easy',
  custom: false,
  clarifications: [
    {
      id: 'scale',
      question: 'How many listings and page views?',
      answer: 'About 7 million active listings, 20,000 new ones a week, and 50 million listing-page views a day.',
    },
    {
      id: 'goal',
      question: 'What is the goal of the carousel?',
      answer: 'Bookings. Clicks on the carousel are tracked, but a booking within the same search session is what the business values.',
    },
    {
      id: 'data',
      question: 'What data is available?',
      answer:
        'Browsing sessions (sequences of listing views), bookings, listing attributes (location, price, capacity, amenities, photos, rating), and the guest’s search dates and party size.',
    },
    {
      id: 'latency',
      question: 'How fast must the carousel load?',
      answer: 'Within 150 ms at p99, and it must only show listings available for the guest’s dates.',
    },
    {
      id: 'cold-start',
      question: 'Should new listings appear in the carousel?',
      answer: 'Yes, hosts expect new listings to get exposure within their first week.',
    },
  ],
  metrics: {
    offline: ['recall@k', 'MRR', 'NDCG'],
    online: ['bookings', 'CTR', 'p99 latency'],
  },
  guide: {
    requirements: {
      probes: ['What outcome should the carousel drive?', 'How many listings, and what latency?', 'Do availability and dates matter?'],
      followUps: [
        'Is “similar” about the listing itself, or about what this guest wants on this trip?',
        'Should similar listings stay in the same city, or may they cross nearby areas?',
      ],
      strongAnswer:
        'Targets bookings within the session, gets ~7 M listings, 150 ms p99, availability filtering for the guest’s dates, and exposure needs for ~20 k new listings a week.',
      redFlags: ['Optimises clicks only', 'Forgets availability'],
    },
    framing: {
      probes: ['What is the model’s input and output?', 'How is “similar” learned rather than hand-defined?'],
      followUps: [
        'Why learn listing embeddings from browsing sessions instead of comparing attributes?',
        'Where do business filters (dates, capacity, price range) fit: before or after the nearest-neighbour search?',
      ],
      strongAnswer:
        'Retrieval over learned listing embeddings: listings viewed close together in a session (and those that ended in a booking) should be near each other; given the current listing’s embedding, ANN search returns neighbours, which are filtered by availability and lightly re-ranked.',
      redFlags: ['Hand-written similarity rules only', 'No filtering step'],
    },
    data: {
      probes: ['How do you turn browsing sessions into training data?', 'Which negatives would you use?'],
      followUps: [
        'Random negatives are usually in other cities, so the model learns geography only. How would you add same-market hard negatives?',
        'New listings have no sessions yet. How do you build their embeddings (cold start)?',
        'Sessions include accidental clicks and very long browsing chains. How do you clean them?',
      ],
      strongAnswer:
        'Builds sequences of listing views per session, splits sessions at 30-minute gaps, removes very short dwell views; treats listings within a context window as positives and the booked listing as a global positive, samples random plus same-city negatives; initialises new listings from the average embedding of nearby listings with similar price and capacity.',
      redFlags: ['No cleaning of sessions', 'No cold-start plan'],
    },
    model: {
      probes: ['What is the baseline?', 'What model learns the embeddings?'],
      followUps: [
        'How often would you retrain the embeddings, and what happens to the index when you do?',
        'Would you add a ranking model after retrieval, and what features would it use?',
      ],
      strongAnswer:
        'Baseline: same city, similar price and capacity, ordered by rating; then a skip-gram-style embedding model trained on session sequences with negative sampling, retrained daily; optionally a small gradient-boosted re-ranker using price difference, distance and rating.',
      redFlags: ['No baseline', 'Trains a deep model with no notion of sessions'],
    },
    evaluation: {
      probes: ['How do you test embeddings offline?', 'What is measured online?'],
      followUps: [
        'Given the clicked listing in a session, how highly ranked is the eventually booked listing? How would you compute that?',
        'A finer ANN setting improves recall@10 by 2 % but adds 40 ms. Within 150 ms, is it worth it?',
      ],
      strongAnswer:
        'Offline, for held-out sessions, checks where the eventually booked listing ranks among neighbours of the clicked one (recall@k, MRR); online A/B on bookings and carousel CTR, with p99 latency as a guardrail.',
      redFlags: ['No offline evaluation of embeddings', 'Online metric is only clicks'],
    },
    serving: {
      probes: ['What is precomputed?', 'Where does the availability filter run?'],
      followUps: [
        'How do you roll out new embeddings: build a new index, canary on about 5 % of traffic, guardrails on bookings and latency, and roll back by switching the index?',
        'Could you precompute neighbours per listing and cache them? What breaks?',
      ],
      strongAnswer:
        'Embeddings computed daily in batch into an ANN index; at request time fetch ~200 neighbours (~20 ms), filter by availability and capacity, re-rank, cache popular listings’ neighbour lists for a few minutes; new indexes go to a 5 % canary first with a quick index switch for rollback.',
      redFlags: ['Caches results without availability checks', 'No versioning of the index'],
    },
    monitoring: {
      probes: ['What do you monitor?', 'What can go stale?'],
      followUps: [
        'Travel demand is seasonal (ski towns in winter, beaches in summer). How do you detect drift and choose the retraining cadence?',
        'The carousel shapes future sessions, which train the next embeddings. What feedback loop does that create?',
      ],
      strongAnswer:
        'Tracks carousel CTR and bookings by market, share of new listings shown, embedding freshness and ANN latency; retrains daily and watches for seasonal shifts; keeps exploration slots for new listings to limit the feedback loop.',
      redFlags: ['Never retrains', 'No monitoring of new-listing exposure'],
    },
  },
  expectedComponents: ['embedding-model', 'ann-index', 're-ranker', 'cache', 'batch-processing', 'training-pipeline'],
};

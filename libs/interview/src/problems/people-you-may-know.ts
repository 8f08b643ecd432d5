import type { ProblemDefinition } from '../problem';

export const peopleYouMayKnow: ProblemDefinition = {
  slug: 'people-you-may-know',
  title: 'People you may know',
  summary: 'Suggest new connections to members of a professional network.',
  prompt:
    'A professional social network shows each member a list of people they might want to connect with. ' +
    'The company wants members to build their networks, because members with more connections get more value from the site and return more often. ' +
    'Design the system that chooses and orders these suggestions for every member.',
  taskType: 'ranking',
  tags: ['recommendation', 'graph', 'social'],
  difficulty: 'medium',
  custom: false,
  clarifications: [
    {
      id: 'scale',
      question: 'How large is the network?',
      answer: 'About 1 billion members, 300 million monthly active; the average member has 500 connections, and the graph has roughly 250 billion edges.',
    },
    {
      id: 'goal',
      question: 'What counts as success: sent invitations or accepted ones?',
      answer: 'Accepted connections. Invitations that are ignored or marked “I don’t know this person” are considered a bad experience.',
    },
    {
      id: 'latency',
      question: 'How fresh and how fast must the suggestions be?',
      answer: 'The list must load within 300 ms; suggestions may be up to a day old, but a member who just joined or just added connections should see relevant suggestions within minutes.',
    },
    {
      id: 'data',
      question: 'What data is available?',
      answer: 'The connection graph, profiles (employers, schools, skills, location), past suggestions with impressions, invitations and acceptances, and profile views.',
    },
    {
      id: 'privacy',
      question: 'Are there privacy constraints?',
      answer: 'Contact-book uploads may only be used with consent, and the system must never reveal who viewed whose profile.',
    },
  ],
  metrics: {
    offline: ['recall@k', 'precision@k', 'MAP'],
    online: ['accepted connections', 'daily active users', 'user reports', 'p99 latency'],
  },
  guide: {
    requirements: {
      probes: ['Which outcome matters: invitations sent or accepted?', 'How big is the graph, and how fresh must suggestions be?'],
      followUps: [
        'How should the system treat members who have just signed up and have no connections yet?',
        'Which signals are off-limits for privacy reasons, and how could suggestions leak private information?',
      ],
      strongAnswer:
        'Targets accepted connections, gets ~1 B members and ~500 average connections, daily freshness with near-real-time updates for new members, a 300 ms load time, and privacy limits on contacts and profile-view data.',
      redFlags: ['Optimises invitations sent', 'Ignores privacy entirely'],
    },
    framing: {
      probes: ['What does the model predict for a pair of members?', 'Can you score every pair of members?'],
      followUps: [
        'Would you frame it as link prediction on the graph? How does that relate to a pointwise classifier?',
        'A connection needs both sides to agree. Should the score model the chance the invitee accepts, not just that the viewer sends?',
      ],
      strongAnswer:
        'Two stages: candidate generation from friends-of-friends, shared schools and employers, and embedding neighbours, reducing 1 B to a few thousand; then a ranker predicting P(invite sent and accepted) for each pair, i.e. link prediction ranked per member.',
      redFlags: ['Scores all pairs (10^18)', 'Predicts only invitations sent'],
    },
    data: {
      probes: ['How do you build positive and negative pairs?', 'Which pair features matter most?'],
      followUps: [
        'New members have no graph yet. What do you use for cold start: profile, email domain, consented contacts?',
        'Acceptances can take days. How do you handle that label delay when building training data?',
        'Mutual-connection counts range from 0 to thousands. How do you normalise them?',
      ],
      strongAnswer:
        'Positives are suggestions that led to accepted invitations, negatives are impressions without action plus explicit “don’t know”; features include mutual connections (log-scaled), shared employers/schools with time overlap, graph embeddings, profile similarity and activity level; cold-start members rely on profile and consented contacts, and labels are built only after a 7-day acceptance window.',
      redFlags: ['Uses all non-connected pairs as negatives', 'No plan for new members'],
    },
    model: {
      probes: ['What is a simple baseline?', 'What model would you use for the ranker?'],
      followUps: [
        'Would a graph neural network beat hand-built graph features? How would you train it on 250 billion edges?',
        'How often do you recompute candidates and retrain the ranker?',
      ],
      strongAnswer:
        'Baseline ranks by mutual-connection count; then gradient-boosted trees on pair features, possibly with GNN or node2vec-style embeddings trained distributed over graph partitions; candidates recomputed daily in batch with incremental updates on new edges, ranker retrained weekly.',
      redFlags: ['No baseline', 'Ignores the cost of training on the full graph'],
    },
    evaluation: {
      probes: ['Which offline metrics?', 'What does the A/B test measure?'],
      followUps: [
        'Suggestions change the graph itself. Why can member-level A/B tests be biased here, and how would you handle network effects?',
        'Adding graph embeddings improves recall@10 but makes candidate generation 5× slower. Worth it?',
      ],
      strongAnswer:
        'Offline recall@k and MAP against held-out future accepted connections; online A/B on accepted connections per member and engagement, with guardrails on “don’t know” reports and p99 latency, and cluster-based randomisation to limit network interference.',
      redFlags: ['Measures only clicks on suggestions', 'Unaware of interference between treatment and control'],
    },
    serving: {
      probes: ['Batch or online prediction?', 'What happens when a member adds a new connection?'],
      followUps: [
        'How do you roll out a new ranker: canary on about 5 % of members with guardrails on acceptance rate and “don’t know” reports?',
        'How much storage does precomputing 100 suggestions for 300 million members need, and is it worth it?',
      ],
      strongAnswer:
        'Daily batch job computes candidates and scores into a cache keyed by member; new-edge events trigger an incremental refresh for that member; the online path filters already-connected and blocked members and re-orders with fresh features; rollout via a 5 % canary with guardrails.',
      redFlags: ['Computes friends-of-friends on the fly for every request', 'No filtering of blocked or already-connected members'],
    },
    monitoring: {
      probes: ['What do you monitor?', 'How could the system harm the network?'],
      followUps: [
        'Suggesting already well-connected members makes them even more connected. How do you detect and counter this feedback loop?',
        'Member behaviour shifts during hiring seasons. How do you detect drift and choose a retraining cadence?',
      ],
      strongAnswer:
        'Tracks acceptance rate, “don’t know” reports, coverage of new members, and degree distribution of suggested members; alerts on drift in feature distributions; retrains weekly and adjusts for popularity to keep suggestions spread out.',
      redFlags: ['No monitoring of acceptance quality', 'Ignores spam or abuse of invitations'],
    },
  },
  expectedComponents: [
    'candidate-generation',
    'batch-processing',
    'ranker',
    'feature-store-online',
    'cache',
    'warehouse',
    'training-pipeline',
  ],
};

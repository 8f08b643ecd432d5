import type { ProblemDefinition } from '../problem';

export const adClickPrediction: ProblemDefinition = {
  slug: 'ad-click-prediction',
  title: 'Ad click prediction',
  summary: 'Predict the chance a user clicks an ad, to rank ads in a real-time auction.',
  prompt:
    'A social app shows sponsored posts in its feed, and advertisers pay when a user clicks. ' +
    'Each time an ad slot opens, an auction picks which ad to show, and it needs an estimate of how likely this user is to click each eligible ad. ' +
    'Design the system that produces these estimates, covering the data it learns from, the model, how it is evaluated and served, and how it stays accurate over time.',
  taskType: 'classification',
  tags: ['ads', 'real-time', 'ctr'],
  difficulty: 'medium',
  custom: false,
  clarifications: [
    {
      id: 'usage',
      question: 'How is the prediction used?',
      answer:
        'The auction ranks ads by bid × predicted click probability, and advertisers are charged per click, so the probability itself must be well calibrated, not just the order.',
    },
    {
      id: 'scale',
      question: 'What is the traffic and the ad inventory?',
      answer: 'About 2 million active ads, 50 billion ad requests a day, around 1 million requests per second at peak, each with ~500 eligible ads after targeting.',
    },
    {
      id: 'latency',
      question: 'What latency budget does scoring get?',
      answer: 'Scoring all eligible ads for one request must finish within 50 ms at p99.',
    },
    {
      id: 'labels',
      question: 'How are clicks labelled, and how common are they?',
      answer: 'A click is logged within seconds of the impression; the average click-through rate is about 1 %. Accidental clicks that bounce within 2 seconds are flagged.',
    },
    {
      id: 'freshness',
      question: 'How quickly do new ads and campaigns appear?',
      answer: 'About 50,000 new ads go live every day, and campaign budgets and creatives change hourly.',
    },
  ],
  metrics: {
    offline: ['log loss', 'ROC-AUC', 'calibration'],
    online: ['CTR', 'revenue', 'hide rate', 'p99 latency'],
  },
  guide: {
    requirements: {
      probes: [
        'How is the predicted probability consumed by the auction?',
        'How many ads must be scored per request, and in how many milliseconds?',
        'How many new ads arrive each day?',
      ],
      followUps: [
        'Does the user experience matter, or only revenue? How would you protect users from irrelevant ads?',
        'Are there privacy limits on which user signals can be used, for example across apps?',
      ],
      strongAnswer:
        'Learns that the auction multiplies bid by pCTR, so calibration matters as much as ranking; gets ~1 M QPS, ~500 candidates per request, a 50 ms budget and ~1 % base CTR.',
      redFlags: ['Does not ask how the score is used', 'Ignores the latency budget at this request volume'],
    },
    framing: {
      probes: ['What is the input and output of the model?', 'Why classification and not ranking?'],
      followUps: [
        'Should you predict clicks or conversions? What changes if advertisers pay per conversion?',
        'How do you handle the accidental clicks that bounce immediately?',
      ],
      strongAnswer:
        'Pointwise binary classification of (user, ad, context) → P(click), trained with log loss so the output is a probability the auction can use; bounced clicks treated as negatives or down-weighted.',
      redFlags: ['Optimises only a ranking loss and loses calibration', 'Unclear what a positive example is'],
    },
    data: {
      probes: [
        'How do you build the training set from impression and click logs?',
        'Which features: user, ad, advertiser, context, cross features?',
        'How do you handle very high-cardinality IDs?',
      ],
      followUps: [
        'Clicks are ~1 % of impressions. Do you downsample negatives, and how do you correct the predicted probabilities afterwards?',
        'Many users have sparse or missing profile fields. How do you encode missing values, and how do you normalise counts like past impressions?',
        'How fresh must features such as “ads this user saw in the last hour” be, and where are they computed?',
      ],
      strongAnswer:
        'Joins impressions with clicks within an attribution window, downsamples negatives (e.g. 10 %) and recalibrates with the known sampling rate; hashes sparse IDs into embeddings, log-transforms counts, adds explicit “missing” indicators, and computes real-time counters in a stream processor feeding the online feature store.',
      redFlags: ['Downsamples negatives without correcting calibration', 'One-hot encodes millions of IDs with no hashing or embeddings'],
    },
    model: {
      probes: ['What is the baseline?', 'What model handles sparse features and feature interactions well?'],
      followUps: [
        'Logs grow by tens of billions of rows a day. How do you train: distributed data parallelism, parameter servers for the embedding tables?',
        'Ads change hourly. Would you use continual (online) training, and how do you guard against a bad update?',
      ],
      strongAnswer:
        'Starts with logistic regression on hashed crosses, then a deep-and-cross or factorisation-machine style network with embeddings; trained distributed on a rolling window, with incremental updates every hour from streamed data and a daily full retrain, each gated by offline checks.',
      redFlags: ['Retrains monthly in a market that changes hourly', 'Picks a model with no story for sparse features'],
    },
    evaluation: {
      probes: ['Which offline metrics and why?', 'How do you measure success online?'],
      followUps: [
        'ROC-AUC improved but revenue dropped in the A/B test. What might have happened to calibration?',
        'A larger model improves log loss by 0.5 % but doubles scoring cost. How do you decide?',
      ],
      strongAnswer:
        'Uses normalised log loss and calibration (predicted vs observed CTR per bucket) as primary offline metrics with ROC-AUC as secondary; online A/B test on revenue and CTR with guardrails on hide/report rate and p99 latency.',
      redFlags: ['Uses accuracy with 99 % negatives', 'Ignores calibration entirely'],
    },
    serving: {
      probes: ['Where does inference run, and how do you score 500 ads in 50 ms?', 'What is cached?'],
      followUps: [
        'How do you release a new model safely: shadow scoring, then a canary on about 5 % of traffic with guardrails on revenue, calibration and latency?',
        'If the feature store is slow for one request, what does the service do?',
      ],
      strongAnswer:
        'Batches all candidates for a request into one inference call on a CPU/GPU inference service, caches user features per session and ad features in memory; rolls out via shadow then a 5 % canary with automatic rollback if calibration or revenue per mille falls outside bounds.',
      redFlags: ['Scores ads one network call at a time', 'Full launch with no canary'],
    },
    monitoring: {
      probes: ['What do you watch in production?', 'How fast can you detect a miscalibrated model?'],
      followUps: [
        'Advertiser mix shifts before holidays. How do you detect drift and decide the retraining cadence?',
        'The model only sees clicks on ads it chose to show. How does that bias future training data?',
      ],
      strongAnswer:
        'Tracks predicted vs actual CTR per hour and per segment, feature distributions and revenue; alerts on calibration drift; keeps hourly incremental training with a small exploration share of traffic to limit selection bias.',
      redFlags: ['No calibration monitoring', 'Only offline evaluation after launch'],
    },
  },
  expectedComponents: [
    'api-gateway',
    'inference-service',
    'feature-store-online',
    'message-queue',
    'stream-processing',
    'training-pipeline',
    'experimentation',
  ],
};

import type { ProblemDefinition } from '../problem';

export const fraudDetection: ProblemDefinition = {
  slug: 'fraud-detection',
  title: 'Payment fraud detection',
  summary: 'Flag fraudulent card payments in real time, before they are authorised.',
  prompt:
    'A payments company processes card transactions for online merchants. ' +
    'Some of these payments are made with stolen cards, and every one that goes through costs the company or the merchant money when the real cardholder disputes it. ' +
    'Design a system that scores each payment in real time, before it is authorised, so that likely fraud can be blocked or challenged without turning away honest customers.',
  taskType: 'classification',
  tags: ['fraud', 'real-time', 'tabular'],
  difficulty: 'hard',
  custom: false,
  clarifications: [
    {
      id: 'scale',
      question: 'How many transactions do we process?',
      answer: 'About 30 million transactions a day, peaking at 5,000 per second, from 2 million merchants.',
    },
    {
      id: 'latency',
      question: 'How long can scoring take?',
      answer: 'The whole authorisation path has 300 ms; the fraud score gets at most 100 ms at p99.',
    },
    {
      id: 'labels',
      question: 'How do we learn that a payment was fraud?',
      answer:
        'Mostly from chargebacks filed by cardholders, which arrive anywhere from a few days to 90 days after the payment; a small share comes from manual review and merchant reports.',
    },
    {
      id: 'fraud-rate',
      question: 'How common is fraud?',
      answer: 'About 0.2 % of transactions, but it is concentrated: some merchant categories see ten times the average.',
    },
    {
      id: 'actions',
      question: 'What can the system do with a suspicious payment?',
      answer: 'Approve, decline, or send a 3-D Secure challenge to the cardholder. Declining an honest customer loses the sale and often the customer.',
    },
  ],
  metrics: {
    offline: ['PR-AUC', 'recall', 'precision', 'calibration'],
    online: ['chargeback rate', 'false decline rate', 'p99 latency'],
  },
  guide: {
    requirements: {
      probes: [
        'How much time does the score get inside authorisation?',
        'What actions exist besides approve and decline?',
        'How and when do we find out a payment was fraudulent?',
      ],
      followUps: [
        'What does a false decline cost compared with a missed fraud? Who bears each cost?',
        'Are there regulatory limits, for example on explaining a decline or on the data we may use?',
      ],
      strongAnswer:
        'Gets the 100 ms budget, ~5 k TPS peak, ~0.2 % fraud rate, chargeback labels delayed up to 90 days, and the approve/challenge/decline options, and frames the goal as minimising fraud loss plus the cost of false declines.',
      redFlags: ['Designs a batch job that scores payments overnight', 'Never asks how labels arrive'],
    },
    framing: {
      probes: ['What does the model output, and how does that become a decision?', 'Is this supervised, unsupervised, or both?'],
      followUps: [
        'How do you choose the decline and challenge thresholds, and should they depend on transaction amount?',
        'Would you add rules alongside the model? Where does each belong?',
      ],
      strongAnswer:
        'Binary classification giving a calibrated P(fraud) per transaction, with cost-based thresholds (expected loss = P × amount vs margin lost by declining) that map to approve, challenge and decline; hard rules kept for known patterns and regulatory blocks.',
      redFlags: ['Single fixed threshold regardless of amount', 'No decision layer: just “the model says fraud”'],
    },
    data: {
      probes: ['What features describe a payment and its history?', 'How do you build labels given chargeback delay?'],
      followUps: [
        'Chargebacks arrive up to 90 days late. How do you build training labels and avoid treating recent, not-yet-disputed payments as honest (label delay)?',
        'With 0.2 % positives, how do you sample and weight the training data for this class imbalance?',
        'Device and IP fields are often missing for some merchants. How do you encode missing values, and how do you normalise amounts across currencies?',
      ],
      strongAnswer:
        'Uses payment, card, merchant, device and velocity features (spend in the last hour/day per card, device, IP) computed in a stream processor into the online feature store; labels only transactions older than the maturity window, or models delay explicitly; downsamples negatives with weighting; converts amounts to a base currency with log transforms and explicit missing indicators.',
      redFlags: ['Labels recent transactions as legitimate', 'Computes velocity features in batch only, so they are hours stale at serving'],
    },
    model: {
      probes: ['What baseline would you start with?', 'Which model suits tabular, imbalanced data with a tight latency budget?'],
      followUps: [
        'Fraudsters test stolen cards with small payments across merchants. Could graph features (shared devices, cards, emails) help, and how would you compute them in time?',
        'How often do you retrain, given fraud patterns change weekly but labels lag?',
      ],
      strongAnswer:
        'Starts with rules plus logistic regression, moves to gradient-boosted trees on tabular and velocity features (fast, strong on tabular data), optionally adds graph-derived features computed offline; time-based train/validation split, retrained weekly on matured labels with a faster refresh from early signals such as manual-review outcomes.',
      redFlags: ['Random split that leaks future information', 'Deep model with no latency or explainability argument'],
    },
    evaluation: {
      probes: ['Which offline metric fits a 0.2 % positive class?', 'What would you measure in production?'],
      followUps: [
        'You cannot observe chargebacks for payments you declined. How do you evaluate a new model fairly online?',
        'A model with 20 extra features improves PR-AUC by 2 % but pushes p99 to 140 ms. What do you trade?',
      ],
      strongAnswer:
        'Uses PR-AUC and recall at a fixed false-positive rate on an out-of-time test set, plus a dollar-weighted cost metric; online tracks chargeback rate and false declines (via challenges passed and customer complaints), keeping a small randomised holdout to measure counterfactuals, with p99 latency as a guardrail.',
      redFlags: ['Reports accuracy', 'Ignores that declined payments have no labels'],
    },
    serving: {
      probes: ['Synchronous or asynchronous scoring?', 'What happens if the fraud service times out?'],
      followUps: [
        'How do you roll out a new model: shadow scoring on all traffic, then a canary on about 5 %, with guardrails on decline rate, chargebacks and latency?',
        'Which features can be precomputed, and which must be computed per request?',
      ],
      strongAnswer:
        'Synchronous scoring in the authorisation path on a low-latency inference service reading velocity features from an in-memory online store, with a fallback to rules on timeout; new models run in shadow for a week, then a 5 % canary with automatic rollback if decline rate or latency moves beyond bounds.',
      redFlags: ['No fallback on timeout', 'Rolls out a model that changes decline rates with no canary'],
    },
    monitoring: {
      probes: ['How do you notice the model is weakening before chargebacks arrive?', 'What gets alerted on?'],
      followUps: [
        'Fraud rings shift tactics after being blocked. How do you detect that drift and how fast can you retrain?',
        'Blocked transactions never produce labels. How does this feedback loop bias the next training set?',
      ],
      strongAnswer:
        'Monitors score distributions, decline and challenge rates per merchant segment, feature drift, and early proxies (manual review outcomes, challenge failure rates) while chargebacks mature; retrains weekly or on drift alerts; keeps a small exploration share of approved-despite-score payments to estimate true fraud rates.',
      redFlags: ['Waits 90 days to learn the model is broken', 'No per-segment monitoring'],
    },
  },
  expectedComponents: [
    'api-gateway',
    'inference-service',
    'feature-store-online',
    'stream-processing',
    'labeling',
    'training-pipeline',
    'monitoring',
  ],
};

import type { ProblemDefinition } from '../problem';

export const harmfulContentDetection: ProblemDefinition = {
  slug: 'harmful-content-detection',
  title: 'Harmful content detection',
  summary: 'Find violent, hateful or explicit posts on a social network.',
  prompt:
    'A social network lets people publish posts that mix text, images and short videos. ' +
    'Some of these posts break the platform’s rules on violence, hate speech or nudity, and the trust and safety team wants them found and dealt with quickly. ' +
    'Design the ML system that identifies these posts, and explain how its decisions turn into actions, how it is evaluated, and how it keeps up as people change the way they post.',
  taskType: 'classification',
  tags: ['trust-and-safety', 'multimodal', 'nlp', 'vision'],
  difficulty: 'hard',
  custom: false,
  clarifications: [
    {
      id: 'scale',
      question: 'How many posts are published, and in what formats?',
      answer: 'About 500 million new posts a day: 60 % text only, 35 % with images, 5 % with video; in roughly 40 languages.',
    },
    {
      id: 'actions',
      question: 'What happens when a post is flagged?',
      answer:
        'High-confidence violations are removed automatically; borderline ones have their reach reduced and go to a human review queue of about 20,000 reviewers, who handle around 2 million posts a day.',
    },
    {
      id: 'labels',
      question: 'What labels exist?',
      answer:
        'Human review decisions on reported and sampled posts (about 1 million a day across the harm categories), and user reports, which are noisy: most reported posts do not violate policy.',
    },
    {
      id: 'prevalence',
      question: 'How common is harmful content?',
      answer: 'Roughly 0.1 % of posts violate a policy, and some categories such as graphic violence are below 0.01 %.',
    },
    {
      id: 'latency',
      question: 'Must we decide before the post is visible?',
      answer: 'Text and image checks should finish within about 500 ms of posting; video can be scored asynchronously within a few minutes while its reach is limited.',
    },
  ],
  metrics: {
    offline: ['PR-AUC', 'recall', 'precision'],
    online: ['prevalence', 'appeal rate', 'user reports', 'p99 latency'],
  },
  guide: {
    requirements: {
      probes: [
        'Which harm categories are in scope, and in which formats and languages?',
        'What does the system do with a flagged post: remove, demote, send to review?',
        'How much human review capacity exists?',
      ],
      followUps: [
        'How do you weigh wrongly removing a legitimate post against missing a harmful one, and does it differ by category?',
        'Are there legal or regional requirements, for example takedown deadlines?',
      ],
      strongAnswer:
        'Establishes categories, formats and languages, that there is a removal/demotion/review action ladder with finite reviewer capacity (~2 M posts/day), ~500 M posts/day, ~0.1 % prevalence, and a sub-second budget for text and images.',
      redFlags: ['Designs a single “harmful yes/no” classifier without asking about categories or actions', 'Ignores reviewer capacity'],
    },
    framing: {
      probes: ['One model per harm category, or one model with several outputs?', 'How do you combine text, image and video signals?'],
      followUps: [
        'How do model scores map to actions? Who sets the thresholds, and how are they tuned per category?',
        'Should you fuse modalities early (one multimodal model) or late (separate models whose scores are combined)? What are the trade-offs?',
      ],
      strongAnswer:
        'Multi-label classification producing a calibrated probability per harm category from a fused multimodal representation, with per-category thresholds that map to remove, demote or review, tuned to reviewer capacity and precision targets.',
      redFlags: ['Single threshold for every category', 'No plan for posts that combine image and text whose meaning depends on both'],
    },
    data: {
      probes: ['Where do labels come from, and how reliable are they?', 'How do you turn text, images and video into features?'],
      followUps: [
        'Violations are ~0.1 % of posts and some categories far rarer. How do you handle this class imbalance in sampling and in the loss?',
        'User reports are noisy and biased toward popular posts. How do you use them without learning the reporters’ biases?',
        'Reviewers disagree on borderline cases. How do you measure and handle label noise?',
      ],
      strongAnswer:
        'Trains on reviewer decisions, uses reports only as a weak signal or sampling source, and adds random samples for unbiased evaluation; oversamples positives or uses class weights/focal loss; uses pretrained multilingual text and image encoders plus author and engagement features; tracks inter-annotator agreement.',
      redFlags: ['Treats every user report as a positive label', 'Evaluates on the same skewed sample used for training'],
    },
    model: {
      probes: ['What is the baseline?', 'Which architecture handles 40 languages and images?'],
      followUps: [
        'Adversaries misspell words and overlay text on images. How does the model stay robust?',
        'A new harm category appears with only a few hundred examples. How do you add it quickly?',
      ],
      strongAnswer:
        'Baseline of keyword/hash matching plus logistic regression on text; main model fine-tunes a multilingual transformer and an image encoder, fused into a multi-task head per category; retrained weekly with fresh reviewer labels and hard examples, and new categories added as new heads with few-shot data.',
      redFlags: ['Only a keyword list', 'Trains a separate model from scratch for every language'],
    },
    evaluation: {
      probes: ['Which offline metric fits a rare positive class?', 'How do you know the platform is actually safer?'],
      followUps: [
        'Precision at the auto-remove threshold is 95 %. Is that good enough at 500 million posts a day?',
        'The fused model is 3 points better in PR-AUC but misses the 500 ms budget. What do you do?',
      ],
      strongAnswer:
        'Reports PR-AUC and recall at a fixed precision per category on a random, reviewer-labelled sample; online measures prevalence of violating views (from sampled audits), appeal overturn rate and user reports, with p99 latency as a guardrail.',
      redFlags: ['Uses accuracy or ROC-AUC alone on 0.1 % positives', 'Only counts removals as success'],
    },
    serving: {
      probes: ['What runs synchronously at posting time and what later?', 'How do you fit the budget for video?'],
      followUps: [
        'How would you roll out a new model: shadow mode, then about 5 % of traffic, watching removal volume, appeal rate and reviewer queue size as guardrails?',
        'Viral posts get millions of views in minutes. Would you re-score posts as they spread?',
      ],
      strongAnswer:
        'Cheap text/image models run inline on a GPU inference service at publish time; video and heavier models run asynchronously from a queue while reach is limited; posts gaining reach are re-scored. Rollout is shadow then a 5 % canary with guardrails on appeal rate and review-queue load.',
      redFlags: ['Runs the heaviest model synchronously on every video', 'No way to undo a bad auto-removal wave'],
    },
    monitoring: {
      probes: ['What signals tell you the model is degrading?', 'How do you learn about new evasion tactics?'],
      followUps: [
        'Adversaries adapt within days. How do you detect this concept drift, and how often do you retrain?',
        'Posts the model removed are never seen by users, so they are never reported. How does that feedback loop bias your data?',
      ],
      strongAnswer:
        'Monitors score distributions per category and language, prevalence audits on random samples, appeal overturns and report spikes; feeds reviewer decisions back daily and retrains weekly or on alert; reserves a random audit sample outside the model’s control to measure misses.',
      redFlags: ['Assumes a static model is fine', 'Measures recall only on content the model already flagged'],
    },
  },
  expectedComponents: ['message-queue', 'embedding-model', 'inference-service', 'labeling', 'training-pipeline', 'monitoring'],
};

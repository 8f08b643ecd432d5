import type { ProblemDefinition } from '../problem';

export const videoSearch: ProblemDefinition = {
  slug: 'video-search',
  title: 'Video search',
  summary: 'Return the most relevant videos for a text query on a video platform.',
  prompt:
    'A video platform lets people type a text query to find videos. ' +
    'Many uploads have short or misleading titles, so matching on metadata alone often misses the best videos. ' +
    'Design the system that takes a text query and returns a ranked list of relevant videos, using what the videos actually contain as well as their metadata.',
  taskType: 'retrieval',
  tags: ['search', 'multimodal', 'video', 'nlp'],
  difficulty: 'hard',
  custom: false,
  clarifications: [
    {
      id: 'scale',
      question: 'How many videos and queries?',
      answer: 'About 1 billion videos, 2 million uploaded per day, and 100 million searches a day (peak around 4,000 per second).',
    },
    {
      id: 'latency',
      question: 'What latency is expected?',
      answer: 'Results within 250 ms at p99.',
    },
    {
      id: 'labels',
      question: 'Do we have labelled query–video relevance data?',
      answer: 'There are 300,000 human-rated (query, video) pairs, and search logs with clicks and watch time; many videos also have auto-generated transcripts.',
    },
    {
      id: 'languages',
      question: 'Which languages must we support?',
      answer: 'Queries come in about 20 languages, and 30 % of videos are not in English.',
    },
    {
      id: 'freshness',
      question: 'How quickly must new uploads become searchable?',
      answer: 'Within 30 minutes of upload for metadata, and within a few hours for content-based signals.',
    },
  ],
  metrics: {
    offline: ['recall@k', 'NDCG', 'MRR'],
    online: ['CTR', 'watch time', 'zero-result rate', 'p99 latency'],
  },
  guide: {
    requirements: {
      probes: ['How many videos and queries per second?', 'What signals exist besides titles?', 'How fresh must results be?'],
      followUps: [
        'Should results be personalised, or only query-dependent?',
        'What content must never be returned, for example unsafe or region-blocked videos?',
      ],
      strongAnswer:
        'Establishes ~1 B videos, ~4 k QPS, 250 ms p99, transcripts and visual content as signals beyond metadata, 30-minute freshness for new uploads, and multilingual queries.',
      redFlags: ['Assumes titles are enough', 'No question about freshness'],
    },
    framing: {
      probes: ['How do you match a text query to video content?', 'How many stages does the system need?'],
      followUps: [
        'Would you embed queries and videos in one shared space? How would you train that space?',
        'How do you fuse results from the keyword index and the embedding index?',
      ],
      strongAnswer:
        'Hybrid retrieval: a keyword index over titles, descriptions and transcripts plus a text–video embedding space (query encoder and video encoder) searched with ANN; results are merged and a ranker scores the top ~500 with relevance, quality and engagement features.',
      redFlags: ['Only keyword matching', 'Runs a heavy video model at query time'],
    },
    data: {
      probes: ['How do you build training pairs for the embedding model?', 'Which features represent a video?'],
      followUps: [
        'Search clicks are biased toward the top results and toward thumbnails. How do you correct for position bias when using them as labels?',
        'A fresh upload has no clicks and may lack a transcript for an hour. How does it become findable (cold start)?',
        'Video lengths range from 5 seconds to 10 hours. How do you sample frames and normalise duration features?',
      ],
      strongAnswer:
        'Pairs come from the human-rated set plus (query, watched video) pairs from logs, debiased with position propensities; videos are represented by sampled-frame visual embeddings, audio transcripts, title and description text, and engagement features; new uploads start with metadata-only embeddings and are re-embedded once content processing finishes.',
      redFlags: ['Uses raw clicks as labels without debiasing', 'Encodes every frame of every video'],
    },
    model: {
      probes: ['Which encoders and which loss?', 'What is the baseline?'],
      followUps: [
        'Training a text–video contrastive model on hundreds of millions of pairs needs many GPUs. How do you distribute training, and how do you share negatives across workers?',
        'When the video encoder changes, 1 B embeddings must be recomputed. How do you plan that?',
      ],
      strongAnswer:
        'Baseline BM25 over metadata and transcripts; then a dual encoder (multilingual text transformer and a video encoder over sampled frames plus transcript) trained with a contrastive loss and cross-worker negatives; a gradient-boosted or neural ranker on top; encoders refreshed every few months with a staged backfill.',
      redFlags: ['No baseline', 'Ignores the cost of re-embedding the corpus'],
    },
    evaluation: {
      probes: ['Which offline metrics for retrieval and ranking?', 'How do you test online?'],
      followUps: [
        'Human ratings and click-based metrics disagree for a query class. Which do you trust, and why?',
        'A cross-encoder re-ranker raises NDCG by 4 % but costs 120 ms. Where could it fit, if at all?',
      ],
      strongAnswer:
        'Offline recall@k for each retrieval path and NDCG/MRR for the final list on the human-rated set; online A/B on click-through, watch time from search and zero-result rate, with p99 latency as a guardrail.',
      redFlags: ['Only online metrics', 'Accuracy as the metric'],
    },
    serving: {
      probes: ['What is done at upload time versus query time?', 'How is the 250 ms split?'],
      followUps: [
        'How do you roll out a new embedding model: build a parallel index, shadow queries, then about 5 % of traffic with guardrails on watch time and latency?',
        'Popular queries repeat. What would you cache and for how long?',
      ],
      strongAnswer:
        'Uploads flow from blob storage through batch/stream jobs that transcribe, embed and index; at query time the query is embedded (~15 ms), keyword and ANN lookups run in parallel (~60 ms), and the ranker scores ~500 candidates (~60 ms); head-query results cached for minutes; new models go through a parallel index, shadow and a 5 % canary.',
      redFlags: ['Sequential retrieval paths that blow the budget', 'No index versioning for model changes'],
    },
    monitoring: {
      probes: ['What do you monitor?', 'How do you catch quality regressions?'],
      followUps: [
        'New slang and trending topics make older embeddings miss queries. How would you detect this drift and how often would you retrain?',
        'The ranker learns from clicks on what it ranked. How do you keep new creators from never surfacing?',
      ],
      strongAnswer:
        'Tracks zero-result and reformulation rates, CTR by query segment and language, ANN recall sampling and embedding freshness; periodic human rating of sampled queries; retrains the ranker weekly and the encoders when drift metrics degrade, with some exploration for new uploads.',
      redFlags: ['Only monitors uptime', 'No human evaluation loop'],
    },
  },
  expectedComponents: ['search-index', 'embedding-model', 'ann-index', 'ranker', 'blob-storage', 'batch-processing'],
};

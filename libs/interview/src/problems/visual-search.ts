import type { ProblemDefinition } from '../problem';

export const visualSearch: ProblemDefinition = {
  slug: 'visual-search',
  title: 'Visual search',
  summary: 'Find visually similar images when a user searches with a photo.',
  prompt:
    'A photo-sharing and shopping app lets users take a picture, or select a region of an image they are browsing, and see visually similar images from the platform. ' +
    'The product team wants results that look alike to the user and lead them to save or buy items. ' +
    'Design the system that returns these similar images, including how images are represented, indexed and searched at the platform’s scale.',
  taskType: 'retrieval',
  tags: ['vision', 'embeddings', 'search'],
  difficulty: 'medium',
  custom: false,
  clarifications: [
    {
      id: 'scale',
      question: 'How many images can be returned?',
      answer: 'About 5 billion images, with 20 million new ones uploaded every day.',
    },
    {
      id: 'latency',
      question: 'What is the latency budget and traffic?',
      answer: 'Results must come back within 300 ms at p99, including embedding the query photo; peak traffic is about 5,000 queries per second.',
    },
    {
      id: 'query',
      question: 'Can users search with a crop of an image, or only whole images?',
      answer: 'Both: users can draw a box around an object, and the query is the cropped region.',
    },
    {
      id: 'data',
      question: 'What interaction data exists?',
      answer: 'For the existing text search we log impressions, clicks, saves and purchases; there are no human-labelled pairs of similar images, though a small labelling budget (about 50,000 pairs a month) is available.',
    },
    {
      id: 'personalization',
      question: 'Should results be personalised?',
      answer: 'Not in the first version; the same query image returns the same results for everyone, apart from removing unsafe content.',
    },
  ],
  metrics: {
    offline: ['recall@k', 'MRR', 'NDCG'],
    online: ['CTR', 'conversion rate', 'p99 latency'],
  },
  guide: {
    requirements: {
      probes: ['How many images are searchable, and how fast do new ones appear?', 'Is the query a whole photo or a region?', 'What latency is acceptable?'],
      followUps: [
        'Does “similar” mean the same object, the same style, or the same scene? How would you find out what users expect?',
        'Must newly uploaded images be searchable right away?',
      ],
      strongAnswer:
        'Establishes ~5 B images, ~20 M uploads a day, crop-based queries, a 300 ms budget at ~5 k QPS, no personalisation in v1, and that similarity means visually matching objects that users engage with.',
      redFlags: ['Never asks about index size', 'Assumes text metadata is enough'],
    },
    framing: {
      probes: ['What is the input and output of the model?', 'How do you search 5 billion images quickly?'],
      followUps: [
        'Why representation learning rather than a classifier over product categories?',
        'How would you add a re-ranking stage, and what would it use?',
      ],
      strongAnswer:
        'Frames it as retrieval: an image encoder maps images and query crops to embeddings where distance reflects visual similarity; approximate nearest neighbour search returns the top few hundred, and a light re-ranker applies engagement, quality and safety filters.',
      redFlags: ['Compares the query against every image by brute force', 'Frames it as a fixed-category classifier'],
    },
    data: {
      probes: ['How do you get training pairs without labels?', 'How are images preprocessed?'],
      followUps: [
        'Users who saved image A after searching with image B give a positive pair. How noisy are such implicit labels, and how do you clean them?',
        'How do you pick negatives so the model learns fine distinctions (hard negative mining)?',
        'Images vary in size, orientation and quality. How do you normalise them before embedding?',
      ],
      strongAnswer:
        'Uses self-supervised contrastive pairs from augmentations, plus engagement pairs (query image → clicked/saved result) filtered for noise, plus a small human-labelled set for evaluation; resizes, normalises and deduplicates images; mines hard negatives from the same category.',
      redFlags: ['Plans to label billions of pairs by hand', 'Uses only random negatives'],
    },
    model: {
      probes: ['Which encoder architecture and which loss?', 'What is the baseline?'],
      followUps: [
        'Training a contrastive model on hundreds of millions of images needs large batches. How would you distribute training across GPUs?',
        'When the encoder is retrained, every stored embedding changes. How do you re-embed 5 B images without downtime?',
      ],
      strongAnswer:
        'Baseline: an ImageNet-pretrained CNN’s penultimate layer; then fine-tune a CNN or ViT encoder with a contrastive (InfoNCE) loss on engagement and augmentation pairs, trained data-parallel with large batches; encoders retrained monthly with a full backfill into a new index built in parallel and swapped atomically.',
      redFlags: ['Retrains the encoder but queries old embeddings with the new model', 'No loss function named'],
    },
    evaluation: {
      probes: ['Which offline metrics?', 'How would you test it online?'],
      followUps: [
        'Exact search gives 3 % better recall@10 than the ANN index but takes 2 seconds. How do you choose the ANN settings?',
        'Offline recall is high but users rarely click. What would you investigate?',
      ],
      strongAnswer:
        'Offline recall@k and MRR on a labelled query set, plus ANN recall against exact search; online A/B on click-through and saves/purchases per search, with p99 latency as a guardrail.',
      redFlags: ['Uses classification accuracy', 'Ignores the ANN approximation error'],
    },
    serving: {
      probes: ['What runs at query time and what offline?', 'How is the index kept up to date?'],
      followUps: [
        'How do you roll out a new encoder: shadow, then about 5 % of traffic, with guardrails on CTR and latency, and how do you roll back an index?',
        'Would you compress embeddings (product quantisation) to fit the index in memory? What does it cost in accuracy?',
      ],
      strongAnswer:
        'Query crop is embedded online on a GPU inference service (~30 ms), the sharded ANN index (e.g. HNSW or IVF-PQ) returns top 500 (~50 ms), then a re-ranker filters unsafe and low-quality items; new uploads are embedded in a streaming batch job and added to the index within minutes; rollout via shadow and a 5 % canary with rollback to the previous index.',
      redFlags: ['Rebuilds the whole index for every upload', 'No plan for index versioning'],
    },
    monitoring: {
      probes: ['What do you monitor?', 'How do you know the embeddings are still good?'],
      followUps: [
        'The kind of photos people upload shifts with seasons and trends. How would you detect embedding drift, and how often would you retrain?',
        'Popular images get clicked more and become positives more often. How does that bias the next model?',
      ],
      strongAnswer:
        'Monitors query volume, latency, empty or low-similarity results, CTR per category, and embedding distribution statistics; periodically re-measures offline recall on fresh labels; retrains monthly or on drift alerts.',
      redFlags: ['No quality monitoring beyond uptime', 'Never refreshes the model'],
    },
  },
  expectedComponents: ['inference-service', 'embedding-model', 'ann-index', 're-ranker', 'blob-storage', 'batch-processing'],
};

import type { ProblemDefinition } from '../problem';

export const ragSupportAssistant: ProblemDefinition = {
  slug: 'rag-support-assistant',
  title: 'Retrieval-augmented support assistant',
  summary: 'Answer customer support questions with an LLM grounded in the help centre.',
  prompt:
    'A software company receives thousands of support questions a day about its products, billing and accounts. ' +
    'It wants a chat assistant that answers customers directly, using the company’s own help articles, product documentation and past resolved tickets, and hands over to a human agent when it cannot help. ' +
    'Design this assistant end to end: how knowledge is prepared and retrieved, how answers are generated, how quality is measured, and how it is run safely in production.',
  taskType: 'generation',
  tags: ['llm', 'rag', 'nlp', 'support'],
  difficulty: 'hard',
  custom: false,
  clarifications: [
    {
      id: 'scale',
      question: 'How much traffic and how much knowledge?',
      answer: 'About 40,000 conversations a day, peaking at 50 concurrent messages per second; the knowledge base holds 20,000 help articles, 5,000 documentation pages and 2 million resolved tickets.',
    },
    {
      id: 'latency',
      question: 'What response time is acceptable?',
      answer: 'The first token should appear within 2 seconds and a full answer within 8 seconds at p99.',
    },
    {
      id: 'goal',
      question: 'What is success?',
      answer: 'Resolving questions without a human agent, without wrong answers: today agents cost about 4 dollars per conversation.',
    },
    {
      id: 'freshness',
      question: 'How often does the knowledge change?',
      answer: 'About 200 articles are edited every week; pricing pages change monthly, and answers must reflect changes within an hour.',
    },
    {
      id: 'privacy',
      question: 'Are there privacy or safety constraints?',
      answer:
        'Past tickets contain personal data that must never be shown to other customers; the assistant must not make refunds or promises, and account-specific questions need the customer to be signed in.',
    },
  ],
  metrics: {
    offline: ['groundedness', 'answer relevance', 'recall@k', 'human rating'],
    online: ['resolution rate', 'escalation rate', 'p99 latency', 'serving cost'],
  },
  guide: {
    requirements: {
      probes: ['What counts as a resolved conversation?', 'Which knowledge sources exist, and how often do they change?', 'What must the assistant never do?'],
      followUps: [
        'Which questions should always go to a human (refunds, legal, security incidents)?',
        'What is the cost per conversation you can afford for model calls?',
      ],
      strongAnswer:
        'Defines success as resolution without escalation and without incorrect answers, learns the sources and their freshness (edits live within an hour), latency targets (first token in 2 s), privacy limits on past tickets, and actions the bot must not take.',
      redFlags: ['Jumps to “fine-tune an LLM on everything” without asking about data or constraints', 'Ignores privacy in past tickets'],
    },
    framing: {
      probes: ['Why retrieval-augmented generation rather than fine-tuning alone?', 'What are the stages from question to answer?'],
      followUps: [
        'How should the assistant decide it cannot answer and escalate?',
        'Would you rewrite the user’s question (using the conversation history) before retrieval?',
      ],
      strongAnswer:
        'RAG pipeline: query rewriting from the conversation, hybrid retrieval (keyword plus embedding ANN) over chunked documents, a cross-encoder re-ranker to pick the top few chunks, an LLM prompted to answer only from those chunks with citations, and a confidence/escalation classifier deciding when to hand off.',
      redFlags: ['Fine-tuning as the only way to add knowledge', 'No escalation path'],
    },
    data: {
      probes: ['How do you chunk and index the documents?', 'How do you use past tickets safely?'],
      followUps: [
        'Chunks that are too small lose context, too large waste the prompt. How would you pick the chunk size and test it?',
        'How would you redact personal data from 2 million tickets before indexing them?',
        'How do you build an evaluation set of questions with reference answers and the passages that support them?',
      ],
      strongAnswer:
        'Chunks articles by section with overlap and metadata (product, version, updated date), redacts personal data from tickets and keeps only resolved ones as Q&A pairs, embeds chunks into a vector index refreshed on each edit via a change stream; builds a golden set of ~1,000 real questions with labelled supporting passages and reference answers.',
      redFlags: ['Indexes raw tickets with customer data', 'No evaluation set'],
    },
    model: {
      probes: ['Which embedding model and which LLM?', 'Would you fine-tune anything?'],
      followUps: [
        'Is a large hosted model worth its cost and latency over a smaller self-hosted one? How would you decide?',
        'Would you fine-tune the embedding model on your question–passage pairs? What would you expect to gain?',
      ],
      strongAnswer:
        'Baseline: keyword search with a prompted off-the-shelf LLM; then a fine-tuned embedding model on question–passage pairs from tickets, a cross-encoder re-ranker, and a mid-sized LLM chosen by a cost/quality/latency comparison on the golden set, with a prompt that forces citations and refusal when evidence is missing.',
      redFlags: ['No baseline or comparison', 'Ignores cost per conversation'],
    },
    evaluation: {
      probes: ['How do you evaluate retrieval separately from generation?', 'How do you measure hallucination?'],
      followUps: [
        'LLM-as-judge scores disagree with human raters on 15 % of answers. How do you calibrate the judge?',
        'Retrieving 20 chunks raises answer quality slightly but doubles latency and cost. How do you choose k?',
      ],
      strongAnswer:
        'Measures retrieval with recall@k on labelled supporting passages, generation with groundedness (every claim supported by a cited chunk) and answer relevance via a calibrated LLM judge plus human ratings on a sample; online tracks resolution and escalation rates, thumbs-down and re-contact within 7 days, with p99 latency and cost as guardrails.',
      redFlags: ['Only BLEU/ROUGE against reference answers', 'No hallucination measurement'],
    },
    serving: {
      probes: ['How is the latency budget spent?', 'What safety layers wrap the LLM?'],
      followUps: [
        'How do you roll out a new prompt or model: offline golden-set check, then a canary on about 5 % of conversations with guardrails on escalation, groundedness and latency?',
        'Which answers can be cached, and how do you invalidate them when an article changes?',
      ],
      strongAnswer:
        'Query rewrite and retrieval (~300 ms), re-ranking (~200 ms), streamed LLM generation; input and output filters for personal data and prohibited actions; semantic cache for frequent questions invalidated on document change; every prompt or model change goes through the golden set, then a 5 % canary with rollback.',
      redFlags: ['Ships prompt changes straight to everyone', 'No output filtering'],
    },
    monitoring: {
      probes: ['What do you monitor in production?', 'How do you find new gaps in the knowledge base?'],
      followUps: [
        'A product launch brings questions the documents do not cover. How do you detect this drift in question topics?',
        'The hosted LLM provider updates its model. How do you catch silent quality changes?',
      ],
      strongAnswer:
        'Samples conversations daily for groundedness and human review, clusters unanswered and escalated questions to find documentation gaps, monitors retrieval scores, latency, cost and refusal rate; re-runs the golden set on any model or index change and on a schedule.',
      redFlags: ['No human review loop', 'Assumes the LLM never changes'],
    },
  },
  expectedComponents: ['api-gateway', 'document-store', 'embedding-model', 'ann-index', 're-ranker', 'llm', 'monitoring'],
};

/**
 * The whiteboard's component palette: the building blocks of ML system diagrams. `group` orders the
 * palette; `color` is the shape's background so diagrams read at a glance.
 */
export interface BoardComponent {
  id: string;
  label: string;
  group: 'serving' | 'data' | 'training' | 'retrieval' | 'operations';
  color: string;
}

const COLORS = {
  serving: '#d0ebff',
  data: '#d3f9d8',
  training: '#fff3bf',
  retrieval: '#e5dbff',
  operations: '#ffe3e3',
} as const;

const component = (id: string, label: string, group: BoardComponent['group']): BoardComponent => ({
  id,
  label,
  group,
  color: COLORS[group],
});

export const BOARD_COMPONENTS: readonly BoardComponent[] = [
  component('api-gateway', 'API gateway', 'serving'),
  component('load-balancer', 'Load balancer', 'serving'),
  component('inference-service', 'Inference service', 'serving'),
  component('cache', 'Cache', 'serving'),
  component('object-detector', 'Object detector', 'serving'),
  component('llm', 'LLM', 'serving'),
  component('feature-store-online', 'Feature store (online)', 'data'),
  component('feature-store-offline', 'Feature store (offline)', 'data'),
  component('message-queue', 'Message queue / stream', 'data'),
  component('data-lake', 'Data lake', 'data'),
  component('blob-storage', 'Blob storage (images, video)', 'data'),
  component('document-store', 'Document store', 'data'),
  component('warehouse', 'Data warehouse', 'data'),
  component('batch-processing', 'Batch processing', 'data'),
  component('stream-processing', 'Stream processing', 'data'),
  component('labeling', 'Labeling', 'data'),
  component('training-pipeline', 'Training pipeline', 'training'),
  component('model-registry', 'Model registry', 'training'),
  component('candidate-generation', 'Candidate generation', 'retrieval'),
  component('ann-index', 'ANN / vector index', 'retrieval'),
  component('embedding-model', 'Embedding model', 'retrieval'),
  component('search-index', 'Search index (inverted)', 'retrieval'),
  component('ranker', 'Ranker', 'retrieval'),
  component('re-ranker', 'Re-ranker / filters', 'retrieval'),
  component('experimentation', 'Experimentation (A/B)', 'operations'),
  component('monitoring', 'Monitoring & drift detection', 'operations'),
];

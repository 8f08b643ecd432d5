/** The built-in ML system design problems a session can be created for. */
export interface Problem {
  slug: string;
  title: string;
  /** The prompt the interviewer reads out; one or two sentences. */
  prompt: string;
}

export const PROBLEMS: readonly Problem[] = [
  {
    slug: 'video-recommendation',
    title: 'Video recommendations',
    prompt: 'Design the system that picks the videos shown on a video platform’s home feed for each user.',
  },
  {
    slug: 'ad-click-prediction',
    title: 'Ad click prediction',
    prompt: 'Design a system that predicts the probability that a user clicks an ad, used to rank ads in an auction.',
  },
  {
    slug: 'harmful-content-detection',
    title: 'Harmful content detection',
    prompt: 'Design a system that detects harmful posts (violence, hate, nudity) on a social network.',
  },
  {
    slug: 'fraud-detection',
    title: 'Payment fraud detection',
    prompt: 'Design a system that flags fraudulent card payments in real time, before they are authorised.',
  },
  {
    slug: 'search-ranking',
    title: 'Search ranking',
    prompt: 'Design the ranking system behind an e-commerce site’s product search.',
  },
  {
    slug: 'people-you-may-know',
    title: 'People you may know',
    prompt: 'Design a system that suggests new connections to users of a professional social network.',
  },
];

export function findProblem(slug: string): Problem | undefined {
  return PROBLEMS.find((p) => p.slug === slug);
}

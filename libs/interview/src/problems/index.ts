import type { ProblemDefinition } from '../problem';
import { adClickPrediction } from './ad-click-prediction';
import { etaPrediction } from './eta-prediction';
import { eventRecommendation } from './event-recommendation';
import { fraudDetection } from './fraud-detection';
import { harmfulContentDetection } from './harmful-content-detection';
import { newsFeed } from './news-feed';
import { peopleYouMayKnow } from './people-you-may-know';
import { ragSupportAssistant } from './rag-support-assistant';
import { searchRanking } from './search-ranking';
import { similarListings } from './similar-listings';
import { streetViewBlurring } from './street-view-blurring';
import { videoRecommendation } from './video-recommendation';
import { videoSearch } from './video-search';
import { visualSearch } from './visual-search';

/** The built-in problem bank, in the order the new-session dialog lists it. */
export const PROBLEMS: readonly ProblemDefinition[] = [
  videoRecommendation,
  adClickPrediction,
  harmfulContentDetection,
  fraudDetection,
  searchRanking,
  peopleYouMayKnow,
  visualSearch,
  streetViewBlurring,
  videoSearch,
  eventRecommendation,
  similarListings,
  newsFeed,
  etaPrediction,
  ragSupportAssistant,
];

export function findProblem(slug: string): ProblemDefinition | undefined {
  return PROBLEMS.find((p) => p.slug === slug);
}

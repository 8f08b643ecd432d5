/** What to tell an operator whose Redis is missing, wherever the api or worker notices it. */
export const REDIS_HELP =
  'start Redis (redis-server) or run `docker compose -f docker/compose.yml up -d redis`, or set REDIS_URL';

export type DependencyStatus = 'ok' | 'down';

export interface HealthResponse {
  status: 'ok' | 'degraded';
  db: DependencyStatus;
  redis: DependencyStatus;
  version: string;
}

import type { Express } from 'express';
import { errorBody } from '../errors/api-exception.filter';

/**
 * A path whose percent-escapes do not decode (`%`, `%E0%A4%A`, an encoded lone surrogate) is answered 400
 * here, before anything routes it: otherwise the answer would depend on whether the built web app is served,
 * whose static middleware takes such paths for missing files.
 */
export function refuseMalformedPaths(server: Express): void {
  server.use((req, res, next) => {
    try {
      decodeURIComponent(req.path);
    } catch {
      res.status(400).json(errorBody('invalid_body', 'The request path is not valid percent-encoding'));
      return;
    }
    next();
  });
}

import express, { type ErrorRequestHandler, type Express } from 'express';
import { errorBody } from '../errors/api-exception.filter';

/** REST bodies are small JSON documents; anything bigger is a mistake or abuse. */
export const JSON_BODY_LIMIT = '100kb';

/**
 * Body parsing runs before Nest's routing, so its failures never reach Nest's exception filters; this
 * answers them in the API's error shape instead of Express's HTML page.
 */
export function installBodyParsing(server: Express): void {
  server.use(express.json({ limit: JSON_BODY_LIMIT }));
  const bodyErrors: ErrorRequestHandler = (error: { type?: string }, _req, res, next) => {
    switch (error.type) {
      case 'entity.too.large':
        res.status(413).json(errorBody('payload_too_large', `Request body exceeds ${JSON_BODY_LIMIT}`));
        return;
      case 'entity.parse.failed':
        res.status(400).json(errorBody('invalid_body', 'Request body is not valid JSON'));
        return;
      case 'encoding.unsupported':
      case 'charset.unsupported':
        res.status(415).json(errorBody('invalid_body', 'Unsupported body encoding'));
        return;
      default:
        next(error);
    }
  };
  server.use(bodyErrors);
}

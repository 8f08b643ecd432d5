import express, { type ErrorRequestHandler, type Express } from 'express';
import { errorBody } from '../errors/api-exception.filter';

/** REST bodies are small JSON documents; anything bigger is a mistake or abuse. */
export const JSON_BODY_LIMIT = '100kb';

/** Thrown from inside JSON.parse; body-parser keeps the object, so the error handler can recognise it. */
class NulCharacterError extends SyntaxError {
  constructor() {
    super('Request body must not contain NUL characters (U+0000)');
  }
}

/**
 * Postgres text cannot hold U+0000 ("invalid byte sequence"), so a NUL anywhere in a body, key or value,
 * is refused here once rather than checked for in every schema and failing as a 500 where one was missed.
 */
function refuseNul(key: string, value: unknown): unknown {
  if (key.includes('\u0000') || (typeof value === 'string' && value.includes('\u0000'))) throw new NulCharacterError();
  return value;
}

/**
 * Body parsing runs before Nest's routing, so its failures never reach Nest's exception filters; this
 * answers them in the API's error shape instead of Express's HTML page.
 */
export function installBodyParsing(server: Express): void {
  server.use(express.json({ limit: JSON_BODY_LIMIT, reviver: refuseNul }));
  const bodyErrors: ErrorRequestHandler = (error: { type?: string }, _req, res, next) => {
    switch (error.type) {
      case 'entity.too.large':
        res.status(413).json(errorBody('payload_too_large', `Request body exceeds ${JSON_BODY_LIMIT}`));
        return;
      case 'entity.parse.failed':
        res
          .status(400)
          .json(errorBody('invalid_body', error instanceof NulCharacterError ? error.message : 'Request body is not valid JSON'));
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

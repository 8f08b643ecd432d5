/**
 * What may be logged about an error. drizzle's query errors carry the whole statement and every
 * parameter in their message (password hashes, tokens' hashes, whiteboard content), and Postgres' own
 * messages and details can quote the offending value; logs must carry neither. A database error is
 * described by its SQLSTATE and the names of what it concerns; any other error by its message.
 */
export function describeError(error: unknown): string {
  const cause = isQueryError(error) ? error.cause : error;
  if (isDatabaseError(cause)) {
    const names = [cause.table && `table ${cause.table}`, cause.constraint && `constraint ${cause.constraint}`, cause.column && `column ${cause.column}`]
      .filter(Boolean)
      .join(', ');
    return `database error ${cause.code}${names ? ` (${names})` : ''}`;
  }
  if (isQueryError(error)) return `query failed: ${cause instanceof Error ? cause.message : 'no cause given'}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** `describeError`, then the stack frames alone: a stack's first line repeats the unsafe message. */
export function describeErrorWithStack(error: unknown): string {
  const frames = error instanceof Error ? (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)) : [];
  return [describeError(error), ...frames].join('\n');
}

interface QueryError extends Error {
  query: string;
  params: unknown[];
}

interface DatabaseError extends Error {
  code: string;
  table?: string;
  constraint?: string;
  column?: string;
}

function isQueryError(error: unknown): error is QueryError {
  return error instanceof Error && 'query' in error && 'params' in error;
}

/** node-postgres' and PGlite's errors both carry the five-character SQLSTATE in `code`. */
function isDatabaseError(error: unknown): error is DatabaseError {
  const code: unknown = error instanceof Error ? (error as Partial<DatabaseError>).code : undefined;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
}

import { DrizzleQueryError } from 'drizzle-orm/errors';
import { DatabaseError } from 'pg';
import { describeError, describeErrorWithStack } from './describe-error';

const SECRET = '$argon2id$v=19$m=19456,t=2,p=1$secret-hash';

function uniqueViolation(): DatabaseError {
  const error = new DatabaseError(`duplicate key value violates unique constraint "users_email_key"`, 0, 'error');
  Object.assign(error, { code: '23505', table: 'users', constraint: 'users_email_key', detail: `Key (email)=(ada@example.test) already exists.` });
  return error;
}

describe('describeError', () => {
  it('names a failed query by SQLSTATE and table, never by its statement, parameters or the values Postgres quotes', () => {
    const error = new DrizzleQueryError('insert into "users" ("email", "password_hash") values ($1, $2)', ['ada@example.test', SECRET], uniqueViolation());
    const described = describeErrorWithStack(error);
    expect(described).toMatch(/^database error 23505 \(table users, constraint users_email_key\)\n\s+at /);
    for (const leak of ['ada@example.test', SECRET, 'insert into', 'params']) expect(described).not.toContain(leak);
  });

  it('keeps the message of a connection failure, which quotes no data', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(describeError(new DrizzleQueryError('select 1', [SECRET], refused))).toBe('query failed: connect ECONNREFUSED 127.0.0.1:5432');
    expect(describeError(refused)).toBe('Error: connect ECONNREFUSED 127.0.0.1:5432');
  });
});

import { describe, expect, it } from 'vitest';
import { describeFailure } from '../../src/server/failures.js';

const setting = { databaseUrl: 'postgres://postgres@127.0.0.1:5432/orgraph' };
const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });

// A start whose database connection PostgreSQL itself closed (pg_terminate_backend while it
// migrated) was told as a PostgreSQL not reached: "start it, or fix DATABASE_URL" (an audit).
describe('the line a failed start says, of PostgreSQL', () => {
  it('a connection PostgreSQL closed is said as closed, to try again', () => {
    const closed = pgError('57P01', 'terminating connection due to administrator command');
    const wrapped = Object.assign(new Error('Failed query: select 1\nparams: '), { cause: closed });
    for (const error of [closed, wrapped]) {
      expect(describeFailure(error, setting)).toEqual({
        line: 'PostgreSQL at 127.0.0.1:5432 closed the connection (terminating connection due to administrator command, 57P01): what was under way was rolled back unless it had committed; try again',
        exitCode: 3,
      });
    }
  });

  it('a server not there is still said as not reached', () => {
    const refused = pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432');
    expect(describeFailure(refused, setting).line).toBe(
      'cannot reach PostgreSQL at 127.0.0.1:5432 (ECONNREFUSED): start it, or fix DATABASE_URL',
    );
  });
});

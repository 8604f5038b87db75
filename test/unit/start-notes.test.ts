import { describe, expect, it } from 'vitest';
import { ignoredSettings, loadConfig } from '../../src/server/config.js';
import { startNotes } from '../../src/server/start-notes.js';

// What a start says under its "listening" line: what to do next, on the database it serves.
const notes = (env: Record<string, string>, orgEmpty?: boolean) =>
  startNotes(loadConfig(env), { orgEmpty, tty: true }).join('\n');

describe('the start notes', () => {
  it('on an empty org, say to bring it in, and how to make a token, without "made before"', () => {
    const said = notes({}, true);
    expect(said).toContain('The org is empty: bring yours in with npm run org -- import FILE');
    expect(said).toContain('Requests need an API token. A new one: npm run org -- token create');
    expect(said).not.toContain('made before');
  });

  it('name the folder the CLI must be given when it is not the default one', () => {
    // A token made in another shell without it went into the default folder: useless here.
    const said = notes({ ORGRAPH_DATA_DIR: '/srv/orgraph' }, false);
    expect(said).toContain(
      'those made before still work. A new one: ORGRAPH_DATA_DIR=/srv/orgraph npm run org -- token create --role ADMIN',
    );
  });

  it('say the CLI needs the same DATABASE_URL, never showing it (it may hold a password)', () => {
    const said = notes({ DATABASE_URL: 'postgres://me:secret@db/orgraph' }, true);
    expect(said).toContain('npm run org -- import FILE with the same DATABASE_URL');
    expect(said).not.toContain('secret');
  });

  it('warn when reads are open beyond this machine, and only then', () => {
    const open = { ORGRAPH_OPEN_READ: 'PLANNER' };
    expect(notes({ ...open, HOST: '0.0.0.0' }, false)).toContain(
      'ORGRAPH_OPEN_READ=PLANNER: anyone who can reach 0.0.0.0 reads the org without a token (sent to an IP address, or a name listed in ORGRAPH_OPEN_READ_HOSTS)',
    );
    expect(notes({ ...open, HOST: '127.0.0.1' }, false)).toBe('');
    // The demo's first start too: its token is no reason to keep quiet about open reads.
    const demo = startNotes(loadConfig({ ...open, HOST: '0.0.0.0' }), {
      demoToken: 't',
      tty: true,
    });
    expect(demo.join('\n')).toContain('anyone who can reach 0.0.0.0 reads the org');
  });

  it('say which ORGRAPH_ variables have no effect: unknown ones (with the setting each looks like), workers without PostgreSQL', () => {
    // ORGRAPH_OPENREAD=VIEWER was dropped without a word: reads stayed closed.
    const env = {
      ORGRAPH_OPENREAD: 'VIEWER',
      orgraph_span_limit: '8',
      ORGRAPH_FROBS: '1',
      ORGRAPH_DEMO: 'off',
    };
    expect(ignoredSettings(env)).toEqual([
      'ORGRAPH_FROBS is not a setting orgraph reads: it has no effect.',
      'ORGRAPH_OPENREAD is not a setting orgraph reads (ORGRAPH_OPEN_READ?): it has no effect.',
      'orgraph_span_limit is not a setting orgraph reads (ORGRAPH_SPAN_LIMIT?): it has no effect.',
    ]);
    expect(ignoredSettings({ ORGRAPH_WORKERS: '2' })).toEqual([
      'ORGRAPH_WORKERS=2 has no effect on the embedded database, which one process serves: workers need DATABASE_URL.',
    ]);
    expect(ignoredSettings({ ORGRAPH_WORKERS: '2', DATABASE_URL: 'postgres://db/o' })).toEqual([]);
    // What the tests and CI read, exported in a developer's shell, is no stray setting.
    expect(
      ignoredSettings({ ORGRAPH_CHROMIUM: '/usr/bin/chromium', ORGRAPH_CI_NO_APT: '1' }),
    ).toEqual([]);
    const ignored = ignoredSettings(env);
    expect(startNotes(loadConfig(env), { orgEmpty: false, tty: true, ignored })).toEqual(
      expect.arrayContaining(ignored),
    );
  });
});

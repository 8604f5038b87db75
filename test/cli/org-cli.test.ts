import {
  chmodSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoDocument } from '../../src/demo/load.js';
import { cliOn } from '../helpers/cli.js';
import { useTestOrg } from '../helpers/test-org.js';

// The CLI a team runs in its own CI, on the demo org, through the real commands.
const t = useTestOrg(demoDocument());

const cli = () => cliOn(t);

describe('npm run org -- check', () => {
  it('fails listing the teams without a Tech Lead, TLM teams marked', async () => {
    const c = cli();
    expect(await c.run('check', '--fail-on', 'teams-without-tech-lead')).toBe(1);
    expect(c.err()).toMatch(/^4 team\(s\) without a Tech Lead/);
    expect(c.err()).toMatch(/network {2}Network: Tech Lead Manager \(ned@example.com/);
    expect(c.err()).toMatch(/search {2}Search: neither seat held/);
  });

  it('passes when the scope has none', async () => {
    const c = cli();
    expect(await c.run('check', '--fail-on', 'teams-without-tech-lead', '--scope', 'storage')).toBe(
      0,
    );
    expect(c.out()).toMatch(/^0 team\(s\)/);
  });

  it('fails on a finding kind or a minimum severity', async () => {
    const c = cli();
    expect(await c.run('check', '--fail-on', 'unowned-aor')).toBe(1);
    expect(c.err()).toMatch(/CRITICAL +UNOWNED_AOR +network: /);
    // --fail-on is the one option given more than once.
    const both = cli();
    expect(
      await both.run('check', '--fail-on', 'unowned-aor', '--fail-on', 'teams-without-tech-lead'),
    ).toBe(1);
    expect(both.err()).toMatch(/UNOWNED_AOR/);
    expect(both.err()).toMatch(/team\(s\) without a Tech Lead/);
    const severe = cli();
    expect(await severe.run('check', '--min-severity', 'critical', '--scope', 'checkout')).toBe(0);
  });

  it('lines its findings up: each unit starts in one column, the widest kind too', async () => {
    // TECH_LEAD_REPORTS_ELSEWHERE overran a column of 24, its line out of step.
    const c = cli();
    expect(await c.run('check', '--min-severity', 'low')).toBe(1);
    const lines = c
      .err()
      .split('\n')
      .filter((line) => /^ {2}[A-Z]+ +[A-Z_]+ /.test(line));
    expect(lines.some((line) => line.includes('TECH_LEAD_REPORTS_ELSEWHERE'))).toBe(true);
    const columns = new Set(lines.map((line) => /^ {2}[A-Z]+ +[A-Z_]+ +/.exec(line)?.[0].length));
    expect([...columns]).toHaveLength(1);
  });

  it('refuses unknown criteria with a usage error', async () => {
    const c = cli();
    expect(await c.run('check', '--fail-on', 'bad-vibes')).toBe(2);
    expect(c.err()).toMatch(/--fail-on: "bad-vibes"/);
    expect(await cli().run('check')).toBe(2);
  });
});

describe('npm run org -- assign', () => {
  it('assigns a seat through the same validation as the API', async () => {
    const c = cli();
    expect(await c.run('assign', 'labs', 'eng-lead', 'vic@example.com')).toBe(0);
    expect(c.out()).toMatch(/vic@example.com is ENG_LEAD of labs from 2026-11-23/);
    const bad = cli();
    expect(await bad.run('assign', 'nowhere', 'ENG_LEAD', 'vic@example.com')).toBe(2);
    expect(bad.err()).toBe('UNIT: unknown unit "nowhere"\n');
  });

  it('says an interim holder is acting', async () => {
    const c = cli();
    expect(await c.run('assign', 'labs', 'TECH_LEAD', 'vic@example.com', '--acting')).toBe(0);
    expect(c.out()).toMatch(/vic@example.com is acting TECH_LEAD of labs from 2026-11-23/);
  });
});

describe('npm run org -- depart', () => {
  it('records a departure and lists what it ended', async () => {
    const c = cli();
    expect(await c.run('depart', 'dee@example.com', '--on', '2026-12-01')).toBe(0);
    expect(c.out()).toBe(
      'dee@example.com departed on 2026-12-01; ended: TECH_LEAD of storage, owner of blob-store, candidacy for TECH_LEAD of infra, member of storage\n',
    );
    const again = cli();
    expect(await again.run('depart', 'dee@example.com', '--on', '2026-12-05')).toBe(2);
    expect(again.err()).toMatch(/^EMAIL: dee@example.com's departure is already recorded/);
  });
});

describe('npm run org -- export', () => {
  it('writes to stdout without FILE, and for "-" as every Unix tool does', async () => {
    const plain = cli();
    expect(await plain.run('export')).toBe(0);
    expect(JSON.parse(plain.out()).units.length).toBeGreaterThan(0);
    const dash = cli();
    expect(await dash.run('export', '-')).toBe(0);
    expect(dash.out()).toBe(plain.out());
    expect(dash.err()).toBe('');
    expect(existsSync('-')).toBe(false);
  });

  it('makes a file it writes owner-only, one there before too (it kept its mode)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'orgraph-export-')), 'shared.json');
    writeFileSync(file, 'old\n', { mode: 0o644 });
    chmodSync(file, 0o644); // whatever the umask
    const c = cli();
    expect(await c.run('export', file)).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8')).units.length).toBeGreaterThan(0);
  });
});

describe('npm run org -- export to a place it cannot write', () => {
  it('says why in words, exit 2: no such folder, a folder', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'orgraph-export-'));
    const missing = cli();
    expect(await missing.run('export', join(folder, 'nowhere', 'org.yaml'))).toBe(2);
    expect(missing.err()).toBe(`${join(folder, 'nowhere', 'org.yaml')}: no such folder\n`);
    const onFolder = cli();
    expect(await onFolder.run('export', folder)).toBe(2);
    expect(onFolder.err()).toBe(`${folder}: a folder, not a file\n`);
  });
});

describe('npm run org -- export over a file there before', () => {
  // Told by what this user may do, root wrote the org into another user's file, who reads it,
  // and into a file kept read-only (a review).
  it('leaves one kept read-only as it was', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'orgraph-export-')), 'kept.json');
    writeFileSync(file, 'old\n');
    chmodSync(file, 0o444);
    const c = cli();
    expect(await c.run('export', file)).toBe(2);
    expect(c.err()).toBe(`${file}: kept read-only: nothing was written; export to another file\n`);
    expect(readFileSync(file, 'utf8')).toBe('old\n');
  });

  it.skipIf(process.getuid?.() !== 0)("leaves another user's as it was, even as root", async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'orgraph-export-')), 'theirs.json');
    writeFileSync(file, 'old\n');
    chownSync(file, 65534, 65534);
    const c = cli();
    expect(await c.run('export', file)).toBe(2);
    expect(c.err()).toMatch(/: another user's file, .*nothing was written/);
    expect(readFileSync(file, 'utf8')).toBe('old\n');
  });
});

describe('npm run org -- scenario list', () => {
  it('says there are none, on stderr, rather than print nothing', async () => {
    const c = cli();
    expect(await c.run('scenario', 'list')).toBe(0);
    expect(c.out()).toBe('');
    expect(c.err()).toBe('no scenarios yet (createScenario makes one)\n');
  });
});

import { describe, expect, it } from 'vitest';
import { keptByNpm } from '../../src/cli/failures.js';
import { optionsOf } from '../../src/cli/option-like.js';

// What npm tells a script it kept for itself (`npm run org import x --dry-run`, no `--`).
describe('an option npm kept for itself', () => {
  const byNpm = (vars: Record<string, string>) => ({ npm_lifecycle_event: 'org', ...vars });
  const kept = (words: string[], vars: Record<string, string>) =>
    keptByNpm('org', optionsOf(words[0] as string), words, byNpm(vars));

  it('refuses the command, naming the option and where -- goes', () => {
    const refused = kept(['import', 'org.yaml'], { npm_config_dry_run: 'true' });
    expect(refused?.message).toBe(
      "npm took --dry-run as its own (typed before --, or set by an .npmrc or npm_config_ variable) and did not pass it on: put -- before the command's words (npm run org -- import …); nothing was done",
    );
    expect(refused?.exitCode).toBe(2);
  });

  it('names every option of the command npm kept (a value left behind as an argument)', () => {
    const words = ['check', 'teams-without-tech-lead', 'HIGH'];
    const vars = { npm_config_fail_on: 'true', npm_config_min_severity: 'true' };
    expect(kept(words, vars)?.message).toMatch(
      /^npm took --fail-on, --min-severity as its own .* did not pass them on: .*\(npm run org -- check …\)/,
    );
  });

  it('names an option typed with its value (--since=DAY), which npm kept whole', () => {
    const words = ['assign', 'growth', 'ENG_LEAD', 'hal@example.com'];
    expect(kept(words, { npm_config_since: '2026-12-01' })?.message).toMatch(/^npm took --since /);
  });

  // A review: an .npmrc's keys reach every script as npm_config_ variables, -- typed or not.
  it('leaves alone a value of npm’s own settings (an .npmrc, the environment)', () => {
    expect(kept(['token', 'create'], { npm_config_name: 'laptop' })).toBeNull();
    expect(kept(['check'], { npm_config_scope: '@acme' })).toBeNull();
  });

  it('leaves alone an option the command does not take, or one that reached it', () => {
    expect(kept(['export', '-'], { npm_config_dry_run: 'true' })).toBeNull();
    expect(kept(['import', 'x', '--dry-run'], { npm_config_dry_run: 'true' })).toBeNull();
    expect(kept(['check', '--fail-on=unowned-aor'], { npm_config_fail_on: 'true' })).toBeNull();
  });

  it('leaves alone another script', () => {
    const elsewhere = { npm_lifecycle_event: 'test', npm_config_dry_run: 'true' };
    expect(keptByNpm('org', optionsOf('import'), ['import', 'x'], elsewhere)).toBeNull();
  });
});

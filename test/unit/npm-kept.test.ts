import { describe, expect, it } from 'vitest';
import { keptByNpm } from '../../src/cli/failures.js';
import { ORG_OPTIONS } from '../../src/cli/option-like.js';

// What npm tells a script it kept for itself (`npm run org import x --dry-run`, no `--`).
describe('an option npm kept for itself', () => {
  const byNpm = (vars: Record<string, string>) => ({ npm_lifecycle_event: 'org', ...vars });

  it('refuses the command, naming the option and where -- goes', () => {
    const refused = keptByNpm('org', ORG_OPTIONS, 'import', byNpm({ npm_config_dry_run: 'true' }));
    expect(refused?.message).toBe(
      "npm kept --dry-run for itself and did not pass it on: put -- before the command's words (npm run org -- import …); nothing was done",
    );
    expect(refused?.exitCode).toBe(2);
  });

  it('names every option kept, of every command (its help lists them)', () => {
    const env = byNpm({ npm_config_fail_on: 'true', npm_config_since: 'true' });
    expect(keptByNpm('org', ORG_OPTIONS, undefined, env)?.message).toMatch(
      /^npm kept --since, --fail-on for itself and did not pass them on: .*\(npm run org -- --since …\)/,
    );
  });

  it('leaves alone what npm was not asked for: another script, or npm’s own --scope', () => {
    expect(keptByNpm('org', ORG_OPTIONS, 'check', byNpm({}))).toBeNull();
    expect(keptByNpm('org', ORG_OPTIONS, 'check', byNpm({ npm_config_scope: '@acme' }))).toBeNull();
    const elsewhere = { npm_lifecycle_event: 'test', npm_config_dry_run: 'true' };
    expect(keptByNpm('org', ORG_OPTIONS, 'import', elsewhere)).toBeNull();
  });
});

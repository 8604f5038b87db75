import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.js';
import { scratchDir } from '../ops/processes.js';

const SSO = {
  ORGRAPH_JWT_ISSUER: 'https://idp.example/',
  ORGRAPH_JWT_AUDIENCE: 'orgraph',
  ORGRAPH_JWKS: 'https://idp.example/.well-known/jwks.json',
};

describe('single sign-on settings', () => {
  it('are off unless configured', () => {
    expect(loadConfig({}).jwt).toBeNull();
  });

  it('read an https JWKS as a URL, anything else as a file, with default claim names', async () => {
    expect(loadConfig(SSO).jwt).toEqual({
      issuer: 'https://idp.example/',
      audience: 'orgraph',
      jwks: { kind: 'url', url: new URL(SSO.ORGRAPH_JWKS) },
      roleClaim: 'orgraph_role',
      scopeClaim: 'orgraph_scope',
    });
    const path = join(scratchDir(), 'jwks.json');
    const { publicKey } = await generateKeyPair('ES256');
    writeFileSync(path, JSON.stringify({ keys: [await exportJWK(publicKey)] }));
    const file = loadConfig({ ...SSO, ORGRAPH_JWKS: path }).jwt;
    expect(file?.jwks).toEqual({ kind: 'file', path });
  });

  it('refuse a key set file that is not there, or holds no key set, at the start', () => {
    expect(() => loadConfig({ ...SSO, ORGRAPH_JWKS: '/nowhere/jwks.json' })).toThrow(
      /Bad setting ORGRAPH_JWKS: cannot read a JWK set from \/nowhere\/jwks.json \(ENOENT\)/,
    );
    const path = join(scratchDir(), 'jwks.json');
    for (const text of ['{"issuer":"x"}', 'null', '[1]']) {
      writeFileSync(path, text);
      expect(() => loadConfig({ ...SSO, ORGRAPH_JWKS: path }), text).toThrow(/holds no JWK set/);
    }
    // Shared secrets only (HS256): accepted, every sign-in was refused for its algorithm.
    for (const keys of [[{ kty: 'oct', k: 'c2VjcmV0', kid: 'k' }], []]) {
      writeFileSync(path, JSON.stringify({ keys }));
      expect(() => loadConfig({ ...SSO, ORGRAPH_JWKS: path })).toThrow(
        /ORGRAPH_JWKS: .*jwks.json holds no RSA, EC or OKP public key/,
      );
    }
  });

  it('refuse a key set file with a key that could not check a signature, naming it', async () => {
    // Accepted at the start, such a key answered every sign-in naming it with a 500.
    const { publicKey } = await generateKeyPair('RS256');
    const good = { ...(await exportJWK(publicKey)), kid: 'good' };
    const path = join(scratchDir(), 'jwks.json');
    writeFileSync(path, JSON.stringify({ keys: [good, { kty: 'oct', k: 'c2VjcmV0' }] }));
    expect(loadConfig({ ...SSO, ORGRAPH_JWKS: path }).jwt?.jwks).toEqual({ kind: 'file', path });
    const short = { ...good, kid: 'short', n: 'AQAB' };
    const broken = { kty: 'EC', crv: 'P-256', x: 'zz', y: 'zz' };
    writeFileSync(path, JSON.stringify({ keys: [good, short, broken] }));
    expect(() => loadConfig({ ...SSO, ORGRAPH_JWKS: path })).toThrow(
      /ORGRAPH_JWKS: .*jwks.json: key 2 \(kid "short"\) is an RSA key of 17 bits \(2048 or more needed\); key 3 is not a usable EC public key \(Invalid JWK EC key\)/,
    );
  });

  it('refuse a plain-http JWKS, whose keys anyone on the way could replace', () => {
    expect(() => loadConfig({ ...SSO, ORGRAPH_JWKS: 'http://idp.example/jwks' })).toThrow(
      /ORGRAPH_JWKS: must be an https URL or a file path/,
    );
  });

  it('refuse half a configuration, naming what is missing', () => {
    expect(() => loadConfig({ ORGRAPH_JWKS: SSO.ORGRAPH_JWKS })).toThrow(
      /ORGRAPH_JWT_ISSUER: required[\s\S]*ORGRAPH_JWT_AUDIENCE: required/,
    );
  });
});

describe('DATABASE_URL', () => {
  it('is a PostgreSQL URL: another database is a bad setting', () => {
    // Said once, in the operator's words: not a URL was "Invalid URL; …" and this both.
    for (const url of ['mysql://root@localhost/test', 'not-a-url']) {
      expect(() => loadConfig({ DATABASE_URL: url })).toThrow(
        'Bad setting DATABASE_URL: a postgres:// URL, e.g. postgres://user@127.0.0.1:5432/orgraph. Fix or unset it.',
      );
    }
    expect(loadConfig({ DATABASE_URL: 'postgresql://u@h/db' }).databaseUrl).toBe(
      'postgresql://u@h/db',
    );
  });
});

describe('a bad number', () => {
  it('is said in the operator’s words, not the validation library’s', () => {
    // They were "Invalid input: expected number, received NaN", "Too small: expected number
    // to be >=1", "Invalid option: expected one of …".
    const said = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return 'taken';
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(said({ ORGRAPH_SHUTDOWN_GRACE_MS: 'soon' })).toBe(
      'Bad setting ORGRAPH_SHUTDOWN_GRACE_MS: milliseconds, at least 1 and at most 3600000. Fix or unset it.',
    );
    expect(said({ ORGRAPH_TLM_THRESHOLD: '-3' })).toBe(
      'Bad setting ORGRAPH_TLM_THRESHOLD: a whole number, at least 1 and at most 100000. Fix or unset it.',
    );
    // As setPolicy takes: a database seeded beyond it wrote exports its own import refused,
    // and past PostgreSQL's integer the start failed without naming the setting.
    for (const value of ['200000', '99999999999']) {
      expect(said({ ORGRAPH_SPAN_LIMIT: value })).toBe(
        'Bad setting ORGRAPH_SPAN_LIMIT: a whole number, at least 1 and at most 100000. Fix or unset it.',
      );
    }
    expect(said({ ORGRAPH_WORKERS: '1000' })).toBe(
      'Bad setting ORGRAPH_WORKERS: a whole number, at least 1 and at most 256. Fix or unset it.',
    );
    expect(said({ ORGRAPH_DEMO: 'maybe' })).toBe(
      'Bad setting ORGRAPH_DEMO: on or off. Fix or unset it.',
    );
    expect(loadConfig({ ORGRAPH_SPAN_LIMIT: '12' }).thresholds.spanLimit).toBe(12);
  });
});

describe('ORGRAPH_CORS_ORIGINS', () => {
  it('takes origins as a browser sends them, and refuses anything else by name', () => {
    const origins = 'https://dash.example.com, http://localhost:5173';
    expect(loadConfig({ ORGRAPH_CORS_ORIGINS: origins }).corsOrigins).toEqual([
      'https://dash.example.com',
      'http://localhost:5173',
    ]);
    // Taken without a word before: a CORS setting that could never match.
    for (const bad of ['not a url', 'https://dash.example.com/app', 'dash.example.com']) {
      expect(() => loadConfig({ ORGRAPH_CORS_ORIGINS: bad })).toThrow(
        /Bad setting ORGRAPH_CORS_ORIGINS: a comma-separated list of origins/,
      );
    }
  });
});

describe('the settings', () => {
  it('take ORGRAPH_OPEN_READ in any case, as roles are taken everywhere else', () => {
    // `viewer` was refused where `--role admin` and a JWT's `viewer` were taken.
    expect(loadConfig({ ORGRAPH_OPEN_READ: 'viewer' }).openRead).toBe('VIEWER');
    expect(loadConfig({ ORGRAPH_OPEN_READ: 'Planner' }).openRead).toBe('PLANNER');
    expect(loadConfig({ ORGRAPH_OPEN_READ: 'OFF' }).openRead).toBeNull();
    expect(() => loadConfig({ ORGRAPH_OPEN_READ: 'admin' })).toThrow(/ORGRAPH_OPEN_READ/);
  });
});

describe('connection limits', () => {
  it('default to 1,000 connections a process and two minutes stalled, a minute at least', () => {
    expect(loadConfig({})).toMatchObject({ maxConnections: 1_000, stallTimeoutMs: 120_000 });
    const set = { ORGRAPH_MAX_CONNECTIONS: '50', ORGRAPH_STALL_TIMEOUT_MS: '90000' };
    expect(loadConfig(set)).toMatchObject({ maxConnections: 50, stallTimeoutMs: 90_000 });
    expect(() => loadConfig({ ORGRAPH_STALL_TIMEOUT_MS: '15000' })).toThrow(
      'Bad setting ORGRAPH_STALL_TIMEOUT_MS: milliseconds, at least 60000 (a large import takes some 20 s) and at most 3600000. Fix or unset it.',
    );
  });
});

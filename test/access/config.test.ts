import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.js';

const SSO = {
  ORGRAPH_JWT_ISSUER: 'https://idp.example/',
  ORGRAPH_JWT_AUDIENCE: 'orgraph',
  ORGRAPH_JWKS: 'https://idp.example/.well-known/jwks.json',
};

describe('single sign-on settings', () => {
  it('are off unless configured', () => {
    expect(loadConfig({}).jwt).toBeNull();
  });

  it('read an https JWKS as a URL, anything else as a file, with default claim names', () => {
    expect(loadConfig(SSO).jwt).toEqual({
      issuer: 'https://idp.example/',
      audience: 'orgraph',
      jwks: { kind: 'url', url: new URL(SSO.ORGRAPH_JWKS) },
      roleClaim: 'orgraph_role',
      scopeClaim: 'orgraph_scope',
    });
    const file = loadConfig({ ...SSO, ORGRAPH_JWKS: '/etc/orgraph/jwks.json' }).jwt;
    expect(file?.jwks).toEqual({ kind: 'file', path: '/etc/orgraph/jwks.json' });
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

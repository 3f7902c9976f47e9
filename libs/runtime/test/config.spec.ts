import * as path from 'node:path';
import { DEFAULT_POLICIES } from '../../domain/src';
import { ConfigError, loadConfig } from '../src';

describe('loadConfig', () => {
  it('defaults', () => {
    const config = loadConfig({}, '/srv/gzc');
    expect(config).toMatchObject({
      port: 3000,
      dataDir: '/srv/gzc/data',
      eventStore: 'sqlite',
      databaseSchema: 'public',
      projections: 'inline',
      authMode: 'dev',
      devTokenTtlSeconds: 8 * 3600,
      oidcRoleClaim: 'role',
      oidcOrganisationClaim: 'organisation_id',
      deadlineScanIntervalMs: 60_000,
      bodyLimitBytes: 1024 * 1024,
      policies: DEFAULT_POLICIES,
    });
    expect(config.databaseUrl).toBeUndefined();
  });

  it('reads every variable; DATA_DIR becomes absolute; policies are overridden one by one', () => {
    const config = loadConfig(
      {
        PORT: '8080',
        DATA_DIR: 'var/gzc',
        EVENT_STORE: 'postgres',
        DATABASE_URL: 'postgres://gzc:pw@db:5432/gzc',
        DATABASE_SCHEMA: 'tenant_42',
        PROJECTIONS: 'off',
        KURRENTDB_URL: 'kurrentdb://localhost:2113?tls=false',
        OIDC_ROLE_CLAIM: 'gzc_role',
        OIDC_ORGANISATION_CLAIM: 'org',
        DEV_TOKEN_TTL_SECONDS: '600',
        DEADLINE_SCAN_INTERVAL_MS: '5000',
        DEADLINE_DAYS_INFORMATION: '10',
        DEADLINE_DAYS_RESPONDENT_ANSWER: '21',
        DEADLINE_DAYS_CHALLENGE: '5',
        DEADLINE_DAYS_STATEMENT_OF_DEFENCE: '42',
        DEADLINE_DAYS_ESCALATION: '60',
        ADMINISTRATION_FEE_CENTS: '75000',
        SMALL_PROVIDER_RESPONDENT_SHARE_PCT: '100',
      },
      '/srv',
    );
    expect(config).toMatchObject({
      port: 8080,
      dataDir: path.resolve('/srv', 'var/gzc'),
      eventStore: 'postgres',
      databaseUrl: 'postgres://gzc:pw@db:5432/gzc',
      databaseSchema: 'tenant_42',
      projections: 'off',
      kurrentdbUrl: 'kurrentdb://localhost:2113?tls=false',
      oidcRoleClaim: 'gzc_role',
      oidcOrganisationClaim: 'org',
      devTokenTtlSeconds: 600,
      deadlineScanIntervalMs: 5000,
      policies: {
        deadlineDays: { information: 10, respondent_answer: 21, challenge: 5, statement_of_defence: 42, escalation: 60 },
        administrationFeeCents: 75_000,
        smallProviderRespondentSharePct: 100,
      },
    });
  });

  it('lists every invalid variable at once', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        EVENT_STORE: 'mongo',
        AUTH_MODE: 'saml',
        DEADLINE_DAYS_CHALLENGE: '0',
        SMALL_PROVIDER_RESPONDENT_SHARE_PCT: '150',
        ADMINISTRATION_FEE_CENTS: '12.50',
        DEV_TOKEN_SECRET: 'short',
        DATABASE_URL: 'mysql://x',
        DATABASE_SCHEMA: 'Public; DROP',
        PROJECTIONS: 'sometimes',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    for (const name of [
      'PORT',
      'EVENT_STORE',
      'AUTH_MODE',
      'DEADLINE_DAYS_CHALLENGE',
      'SMALL_PROVIDER_RESPONDENT_SHARE_PCT',
      'ADMINISTRATION_FEE_CENTS',
      'DEV_TOKEN_SECRET',
      'DATABASE_URL',
      'DATABASE_SCHEMA',
      'PROJECTIONS',
    ]) {
      expect(message).toContain(name);
    }
    expect((error as ConfigError).problems).toHaveLength(10);
  });

  it('DEADLINE_SCAN_INTERVAL_MS=0 turns the scan off; 1 to 9 ms is refused', () => {
    expect(loadConfig({ DEADLINE_SCAN_INTERVAL_MS: '0' }).deadlineScanIntervalMs).toBe(0);
    expect(() => loadConfig({ DEADLINE_SCAN_INTERVAL_MS: '5' })).toThrow(/DEADLINE_SCAN_INTERVAL_MS must be 0 \(off\) or at least 10/);
  });

  it('a store or auth mode needs its connection settings', () => {
    expect(() => loadConfig({ EVENT_STORE: 'postgres' })).toThrow(/EVENT_STORE=postgres needs DATABASE_URL/);
    expect(() => loadConfig({ EVENT_STORE: 'kurrentdb' })).toThrow(/EVENT_STORE=kurrentdb needs KURRENTDB_URL/);
    expect(() => loadConfig({ AUTH_MODE: 'oidc' })).toThrow(/OIDC_ISSUER[\s\S]*OIDC_AUDIENCE/);
  });

  it('empty variables count as unset', () => {
    expect(loadConfig({ PORT: '', EVENT_STORE: ' ' })).toMatchObject({ port: 3000, eventStore: 'sqlite' });
  });

  it('security settings: defaults, and every one read', () => {
    const defaults = loadConfig({}, '/srv/gzc');
    expect(defaults).toMatchObject({
      corsOrigins: [],
      trustProxyHops: 0,
      requestLog: true,
      oidcJwksCooldownMs: 30_000,
      rateLimits: { windowSeconds: 60, tokensPerUser: 20, tokensPerAddress: 60, filingsPerUser: 30, filingsPerAddress: 300 },
    });
    expect(defaults.directorySeedFile).toBeUndefined();
    const config = loadConfig(
      {
        CORS_ORIGINS: 'https://portaal.example.nl, http://localhost:5173',
        TRUST_PROXY_HOPS: '1',
        REQUEST_LOG: 'off',
        OIDC_JWKS_COOLDOWN_MS: '1000',
        DIRECTORY_SEED_FILE: 'none',
        RATE_LIMIT_WINDOW_SECONDS: '10',
        RATE_LIMIT_TOKENS_PER_USER: '0',
        RATE_LIMIT_TOKENS_PER_ADDRESS: '5',
        RATE_LIMIT_FILINGS_PER_USER: '6',
        RATE_LIMIT_FILINGS_PER_ADDRESS: '7',
      },
      '/srv/gzc',
    );
    expect(config).toMatchObject({
      corsOrigins: ['https://portaal.example.nl', 'http://localhost:5173'],
      trustProxyHops: 1,
      requestLog: false,
      oidcJwksCooldownMs: 1000,
      directorySeedFile: 'none',
      rateLimits: { windowSeconds: 10, tokensPerUser: 0, tokensPerAddress: 5, filingsPerUser: 6, filingsPerAddress: 7 },
    });
    expect(loadConfig({ DIRECTORY_SEED_FILE: 'fixtures/demo-directory.json' }, path.resolve(__dirname, '../../..')).directorySeedFile).toBe(
      path.resolve(__dirname, '../../../fixtures/demo-directory.json'),
    );
  });

  it('bad security settings are listed together', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({ CORS_ORIGINS: 'https://ok.example.nl,https://bad.example.nl/path,*', REQUEST_LOG: 'verbose', RATE_LIMIT_FILINGS_PER_USER: '-1', DIRECTORY_SEED_FILE: '/nope/dir.json' });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.problems).toEqual([
      expect.stringContaining('DIRECTORY_SEED_FILE /nope/dir.json does not exist'),
      expect.stringContaining('"https://bad.example.nl/path"'),
      expect.stringContaining('"*"'),
      expect.stringContaining('RATE_LIMIT_FILINGS_PER_USER'),
      expect.stringContaining('REQUEST_LOG must be one of on, off'),
    ]);
  });

  describe('safe by default', () => {
    it('no settings: the local demonstration, on loopback only, with /docs', () => {
      expect(loadConfig({}, '/srv/gzc')).toMatchObject({ host: '127.0.0.1', authMode: 'dev', apiDocs: true, production: false });
    });

    it('demonstration login on an address other machines reach needs the loud setting', () => {
      expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(/AUTH_MODE=dev[\s\S]*UNSAFE_DEV_LOGIN_ON_NETWORK=anyone-can-sign-in-as-anyone/);
      expect(() => loadConfig({ HOST: '192.168.1.20', AUTH_MODE: 'dev' })).toThrow(ConfigError);
      expect(() => loadConfig({ HOST: '0.0.0.0', UNSAFE_DEV_LOGIN_ON_NETWORK: 'yes' })).toThrow(/UNSAFE_DEV_LOGIN_ON_NETWORK is either unset or "anyone-can-sign-in-as-anyone"/);
      expect(loadConfig({ HOST: '0.0.0.0', UNSAFE_DEV_LOGIN_ON_NETWORK: 'anyone-can-sign-in-as-anyone' }).host).toBe('0.0.0.0');
      for (const host of ['127.0.0.1', 'localhost', '::1', '127.0.0.2']) expect(loadConfig({ HOST: host }).host).toBe(host);
    });

    it('OIDC may listen anywhere', () => {
      const config = loadConfig({ HOST: '0.0.0.0', AUTH_MODE: 'oidc', OIDC_ISSUER: 'https://login.example.nl', OIDC_AUDIENCE: 'gzc' });
      expect(config).toMatchObject({ host: '0.0.0.0', authMode: 'oidc' });
    });

    it('NODE_ENV=production: OIDC by default (so issuer and audience are required), no demo directory, no /docs unless asked', () => {
      expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_MODE=oidc needs OIDC_ISSUER[\s\S]*OIDC_AUDIENCE/);
      const production = loadConfig({ NODE_ENV: 'production', OIDC_ISSUER: 'https://login.example.nl', OIDC_AUDIENCE: 'gzc' });
      expect(production).toMatchObject({ authMode: 'oidc', directorySeedFile: 'none', apiDocs: false, production: true });
      expect(loadConfig({ NODE_ENV: 'production', OIDC_ISSUER: 'https://login.example.nl', OIDC_AUDIENCE: 'gzc', API_DOCS: 'on' }).apiDocs).toBe(true);
      expect(loadConfig({ API_DOCS: 'off' }).apiDocs).toBe(false);
    });

    it('a process that serves no HTTP (projector) is not held to the sign-in requirements', () => {
      expect(loadConfig({ NODE_ENV: 'production' }, '/srv/gzc', { servesHttp: false }).authMode).toBe('oidc');
    });
  });

  describe('OIDC hardening', () => {
    it('an issuer must be https; plain http only on loopback (a local test issuer)', () => {
      const oidc = { AUTH_MODE: 'oidc', OIDC_AUDIENCE: 'gzc' };
      expect(() => loadConfig({ ...oidc, OIDC_ISSUER: 'http://login.example.nl' })).toThrow(/OIDC_ISSUER must start with https:\/\//);
      expect(loadConfig({ ...oidc, OIDC_ISSUER: 'http://127.0.0.1:8080' }).oidcIssuer).toBe('http://127.0.0.1:8080');
      expect(loadConfig({ ...oidc, OIDC_ISSUER: 'http://localhost:8080/realms/gzc' }).oidcIssuer).toBe('http://localhost:8080/realms/gzc');
      expect(loadConfig({ ...oidc, OIDC_ISSUER: 'https://login.example.nl' }).oidcIssuer).toBe('https://login.example.nl');
    });

    it('the key refetch interval has a minimum: 0 is refused', () => {
      expect(() => loadConfig({ OIDC_JWKS_COOLDOWN_MS: '0' })).toThrow(/OIDC_JWKS_COOLDOWN_MS must be a whole number between 1000/);
      expect(() => loadConfig({ OIDC_JWKS_COOLDOWN_MS: '999' })).toThrow(ConfigError);
      expect(loadConfig({ OIDC_JWKS_COOLDOWN_MS: '1000' }).oidcJwksCooldownMs).toBe(1000);
    });
  });
});

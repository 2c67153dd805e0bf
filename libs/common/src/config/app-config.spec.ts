import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  const dataDir = () => mkdtempSync(join(tmpdir(), 'nxt-config-'));

  it('applies the documented defaults', () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config).toMatchObject({
      port: 3000,
      publicBaseUrl: 'http://localhost:3000',
      databaseUrl: undefined,
      dataDir: dir,
      sandboxSeed: true,
      kycEnforcement: 'money_movement',
      logLevel: 'info',
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('derives PUBLIC_BASE_URL from PORT and trims a trailing slash', () => {
    expect(loadConfig({ DATA_DIR: dataDir(), PORT: '8080' }).publicBaseUrl).toBe('http://localhost:8080');
    expect(loadConfig({ DATA_DIR: dataDir(), PUBLIC_BASE_URL: 'https://api.example.com/' }).publicBaseUrl).toBe('https://api.example.com');
  });

  it('keeps a generated API-key hash secret under DATA_DIR (mode 0600) and reuses it', () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir }).apiKeyHashSecret;
    const second = loadConfig({ DATA_DIR: dir }).apiKeyHashSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(second.equals(first)).toBe(true);
    expect(statSync(join(dir, 'api-key-hash.secret')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'api-key-hash.secret'), 'utf8').trim()).toBe(first.toString('utf8'));
  });

  it('with DATABASE_URL, seeds nothing by default and requires a shared hash secret', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u:p@db/x', API_KEY_HASH_SECRET: 'x'.repeat(32) });
    expect(config.sandboxSeed).toBe(false);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u:p@db/x' })).toThrow(/API_KEY_HASH_SECRET/);
  });

  it('reports every bad variable at once, each by name', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({
        PORT: 'eighty',
        PUBLIC_BASE_URL: 'ftp://x',
        DATABASE_URL: 'mysql://x',
        KYC_ENFORCEMENT: 'sometimes',
        SANDBOX_SEED: 'maybe',
        LOG_LEVEL: 'loud',
        TLS_CERT: '/no/such/cert.pem',
        API_KEY_HASH_SECRET: 'short',
      });
    } catch (caught) {
      error = caught as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const named = error!.problems.map((problem) => problem.split(' ')[0]);
    expect(named).toEqual(
      expect.arrayContaining([
        'PORT',
        'PUBLIC_BASE_URL',
        'DATABASE_URL',
        'KYC_ENFORCEMENT',
        'SANDBOX_SEED',
        'LOG_LEVEL',
        'TLS_CERT',
        'API_KEY_HASH_SECRET',
      ]),
    );
    expect(error!.message).toContain('KYC_ENFORCEMENT must be one of money_movement, strict, off');
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ DATA_DIR: dataDir(), PORT: '', KYC_ENFORCEMENT: ' ' })).toMatchObject({
      port: 3000,
      kycEnforcement: 'money_movement',
    });
  });
});

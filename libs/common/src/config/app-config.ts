import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

export const KYC_ENFORCEMENT_MODES = ['money_movement', 'strict', 'off'] as const;
export type KycEnforcement = (typeof KYC_ENFORCEMENT_MODES)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface TlsFiles {
  cert: string;
  key: string;
  clientCa?: string;
}

/**
 * The service's whole configuration, validated once by {@link loadConfig} in a process entry point
 * and then provided through dependency injection. Nothing else reads `process.env`.
 */
export class AppConfig {
  port!: number;
  host!: string;
  publicBaseUrl!: string;
  /** Absent: the entry point starts an embedded PostgreSQL under `dataDir` and fills this in. */
  databaseUrl?: string;
  databasePoolSize!: number;
  dataDir!: string;
  sandboxSeed!: boolean;
  kycEnforcement!: KycEnforcement;
  tls?: TlsFiles;
  /** Key of the HMAC under which API-key secrets are stored (never the secrets themselves). */
  apiKeyHashSecret!: Buffer;
  logLevel!: LogLevel;
  /** How long an Idempotency-Key record is kept (API.md §5). */
  idempotencyTtlHours!: number;
  /** How long a high-risk request may wait for approval before it expires (API.md §6). */
  approvalTtlHours!: number;
  /** Run the settlement worker in this process (the single-machine default). */
  runWorker!: boolean;
  /** How often the worker looks for due settlement steps and expired requests. */
  workerPollMs!: number;
  /** How long the simulated network takes to confirm a transaction. */
  simulatedConfirmationMs!: number;
  /** Requests per minute per client address; 0 turns rate limiting off. */
  rateLimitPerMinute!: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/**
 * Reads and validates every variable listed in `.env.example`. All problems are reported together,
 * each naming its variable, so a bad deployment fails at once with one clear message.
 */
export function loadConfig(env: Env, cwd = process.cwd()): AppConfig {
  const problems: string[] = [];
  const value = (name: string): string | undefined => {
    const raw = env[name];
    return raw === undefined || raw.trim() === '' ? undefined : raw.trim();
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    problems.push(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
    return fallback;
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return Number(raw);
  };
  const flag = (name: string, fallback: boolean): boolean => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    if (['on', 'true', '1'].includes(raw)) return true;
    if (['off', 'false', '0'].includes(raw)) return false;
    problems.push(`${name} must be on or off (got "${raw}")`);
    return fallback;
  };
  const file = (name: string): string | undefined => {
    const raw = value(name);
    if (raw === undefined) return undefined;
    const path = isAbsolute(raw) ? raw : resolve(cwd, raw);
    if (!existsSync(path)) problems.push(`${name} names a file that does not exist: ${raw}`);
    return path;
  };

  const port = integer('PORT', 3000, 0, 65535);
  const host = value('HOST') ?? '0.0.0.0';

  const certPath = file('TLS_CERT');
  const keyPath = file('TLS_KEY');
  const clientCa = file('TLS_CLIENT_CA');
  let tls: TlsFiles | undefined;
  if (certPath && keyPath) tls = { cert: certPath, key: keyPath, clientCa };
  else if (certPath || keyPath) problems.push('TLS_CERT and TLS_KEY must be set together');
  else if (clientCa) problems.push('TLS_CLIENT_CA needs TLS_CERT and TLS_KEY (the service must terminate TLS itself)');

  let publicBaseUrl = value('PUBLIC_BASE_URL') ?? `${tls ? 'https' : 'http'}://localhost:${port}`;
  try {
    const url = new URL(publicBaseUrl);
    if (!['http:', 'https:'].includes(url.protocol) || url.search || url.hash) throw new Error();
    publicBaseUrl = publicBaseUrl.replace(/\/+$/, '');
  } catch {
    problems.push(`PUBLIC_BASE_URL must be an absolute http(s) URL without query or fragment (got "${publicBaseUrl}")`);
  }

  const databaseUrl = value('DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  const dataDir = resolve(cwd, value('DATA_DIR') ?? '.data');

  const hashSecretRaw = value('API_KEY_HASH_SECRET');
  let apiKeyHashSecret: Buffer | undefined;
  if (hashSecretRaw !== undefined) {
    if (hashSecretRaw.length < 32) problems.push('API_KEY_HASH_SECRET must be at least 32 characters');
    else apiKeyHashSecret = Buffer.from(hashSecretRaw, 'utf8');
  } else if (databaseUrl !== undefined) {
    problems.push('API_KEY_HASH_SECRET is required with DATABASE_URL (every replica must share it)');
  }

  const config: AppConfig = {
    port,
    host,
    publicBaseUrl,
    databaseUrl,
    databasePoolSize: integer('DATABASE_POOL_SIZE', 10, 1, 200),
    dataDir,
    sandboxSeed: flag('SANDBOX_SEED', databaseUrl === undefined),
    kycEnforcement: oneOf('KYC_ENFORCEMENT', KYC_ENFORCEMENT_MODES, 'money_movement'),
    tls,
    apiKeyHashSecret: apiKeyHashSecret ?? Buffer.alloc(0),
    logLevel: oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    idempotencyTtlHours: integer('IDEMPOTENCY_TTL_HOURS', 24, 1, 24 * 30),
    approvalTtlHours: integer('APPROVAL_TTL_HOURS', 24, 1, 24 * 30),
    runWorker: flag('RUN_WORKER', true),
    workerPollMs: integer('WORKER_POLL_MS', 250, 10, 60_000),
    simulatedConfirmationMs: integer('SIMULATED_CONFIRMATION_MS', 500, 0, 600_000),
    rateLimitPerMinute: integer('RATE_LIMIT_PER_MINUTE', 6000, 0, 10_000_000),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  if (apiKeyHashSecret === undefined) config.apiKeyHashSecret = dataDirSecret(dataDir, 'api-key-hash.secret');
  return Object.freeze(config);
}

/** A secret generated once and kept (mode 0600) under DATA_DIR, for the single-machine default. */
function dataDirSecret(dataDir: string, name: string): Buffer {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, name);
  try {
    writeFileSync(path, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  chmodSync(path, 0o600);
  return Buffer.from(readFileSync(path, 'utf8').trim(), 'utf8');
}

/**
 * For process entry points: reads `.env` when present, then the validated configuration; on bad
 * configuration it `report`s the problems and exits 78 (EX_CONFIG) before anything starts.
 */
export function configOrExit(report: (error: ConfigError) => void = (error) => process.stderr.write(`${error.message}\n`)): AppConfig {
  if (existsSync('.env')) process.loadEnvFile('.env');
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    report(error);
    process.exit(78);
  }
}

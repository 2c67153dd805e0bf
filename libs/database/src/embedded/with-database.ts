import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { startEmbeddedDatabase } from './embedded-database';

/**
 * Runs a command with DATABASE_URL set: the configured one, or the embedded PostgreSQL under
 * DATA_DIR (joined if the service runs, started and stopped otherwise). Used by the migration scripts.
 */
async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  if (!command) throw new Error('usage: with-database <command> [args...]');
  const env = { ...process.env };
  let stop = async () => undefined as void;
  if (!env.DATABASE_URL) {
    const database = await startEmbeddedDatabase(resolve(env.DATA_DIR ?? '.data'));
    env.DATABASE_URL = database.url;
    stop = () => database.stop();
  }
  const code = await new Promise<number>((done) => {
    spawn(command, args, { stdio: 'inherit', env }).on('close', (status) => done(status ?? 1));
  });
  await stop();
  process.exit(code);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

import { spawn } from 'node:child_process';
import { configOrExit } from '@app/common';
import { startEmbeddedDatabase } from './embedded-database';

/**
 * Entry point: runs a command with DATABASE_URL set: the configured one, or the embedded PostgreSQL
 * under DATA_DIR (joined if the service runs, started and stopped otherwise). Used by the
 * `migration:*` scripts.
 */
async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  if (!command) throw new Error('usage: with-database <command> [args...]');
  const config = configOrExit();
  const database = config.databaseUrl ? undefined : await startEmbeddedDatabase(config.dataDir);
  const databaseUrl = config.databaseUrl ?? database!.url;
  const code = await new Promise<number>((done) => {
    spawn(command, args, { stdio: 'inherit', env: { ...process.env, DATABASE_URL: databaseUrl } }).on('close', (status) =>
      done(status ?? 1),
    );
  });
  await database?.stop();
  process.exit(code);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

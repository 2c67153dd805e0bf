import 'reflect-metadata';
import { configOrExit, InvalidRequestError } from '@app/common';
import { EmbeddedDatabase, startEmbeddedDatabase } from '@app/database/embedded/embedded-database';
import { CommandFactory } from 'nest-commander';
import { CliModule } from './cli.module';
import { printError, printJson } from './output';

/**
 * `npm run cli -- <command> [--flags]`. Uses DATABASE_URL, or the embedded PostgreSQL under DATA_DIR:
 * the one a running service started, or one started (and stopped) for this command.
 */
async function main(): Promise<void> {
  let config = configOrExit((error) => printJson({ error: 'invalid_configuration', message: error.message, details: error.problems }));

  let database: EmbeddedDatabase | undefined;
  if (!config.databaseUrl) {
    database = await startEmbeddedDatabase(config.dataDir);
    config = Object.freeze({ ...config, databaseUrl: database.url });
  }
  try {
    const app = await CommandFactory.createWithoutRunning(CliModule.forRoot(config), {
      logger: false,
      // Commander's own messages (unknown command, missing option) become the one JSON error; it
      // then exits non-zero itself. Help text still goes to stdout.
      outputConfiguration: { writeErr: (text) => printError(new InvalidRequestError(text.trim().replace(/^error: /, ''))) },
      errorHandler: (error: Error & { exitCode?: number }) => {
        process.exit(error.exitCode ?? 2);
      },
      serviceErrorHandler: (error) => printError(error),
    });
    await CommandFactory.runApplication(app);
    await app.close();
  } finally {
    await database?.stop();
  }
  process.exit(process.exitCode ?? 0);
}

main().catch((error: unknown) => {
  printError(error);
  process.exit(1);
});

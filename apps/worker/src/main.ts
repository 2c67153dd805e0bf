import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { AppConfigModule, configOrExit } from '@app/common';
import { DatabaseModule } from '@app/database';
import { JobsModule } from '@app/jobs';
import { NestFactory } from '@nestjs/core';
import { Logger, LoggerModule } from 'nestjs-pino';

/**
 * The background worker as a process of its own (settlement, approval expiry, housekeeping), for
 * deployments that run the API with RUN_WORKER=off. Run any number; work is claimed row by row.
 * Needs DATABASE_URL: the embedded database is the API process's, for the single-machine default.
 */
async function main(): Promise<void> {
  const config = configOrExit();
  if (!config.databaseUrl) {
    process.stderr.write(
      'The worker needs DATABASE_URL (the embedded database belongs to the API process, which runs the worker itself).\n',
    );
    process.exit(78);
  }

  @Module({
    imports: [
      AppConfigModule.forRoot({ ...config, runWorker: true }),
      LoggerModule.forRoot({ pinoHttp: { level: config.logLevel } }),
      DatabaseModule,
      JobsModule,
    ],
  })
  class WorkerAppModule {}

  const app = await NestFactory.createApplicationContext(WorkerAppModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  await app.init();
  // On SIGTERM/SIGINT the tick in progress finishes, then the process exits.
  const stop = () => void app.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`NxTreasury worker failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

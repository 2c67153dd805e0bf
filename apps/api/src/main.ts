import 'reflect-metadata';
import { existsSync, readFileSync } from 'node:fs';
import { ServerOptions } from 'node:https';
import { HttpsOptions } from '@nestjs/common/interfaces/external/https-options.interface';
import { configOrExit, TlsFiles } from '@app/common';
import { EmbeddedDatabase, startEmbeddedDatabase } from '@app/database/embedded/embedded-database';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';
import { SandboxSeeder } from './sandbox/sandbox-seeder';

/**
 * The service: validate configuration, start the embedded PostgreSQL when no DATABASE_URL is given,
 * apply migrations, seed the sandbox on first run, serve, and on SIGTERM/SIGINT stop accepting,
 * finish in-flight requests, then stop the database.
 */
async function main(): Promise<void> {
  let config = configOrExit();

  let database: EmbeddedDatabase | undefined;
  if (!config.databaseUrl) {
    database = await startEmbeddedDatabase(config.dataDir);
    config = Object.freeze({ ...config, databaseUrl: database.url });
  }

  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    bufferLogs: true,
    forceCloseConnections: true,
    httpsOptions: config.tls && tlsOptions(config.tls),
  });
  configureApp(app);
  await app.init();

  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    process.stdout.write(`${signal}: shutting down\n`);
    await app.close();
    await database?.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  const seeder = app.get(SandboxSeeder);
  const seeded = config.sandboxSeed ? await seeder.seedIfEmpty() : null;
  await app.listen(config.port, config.host);

  const lines = [`NxTreasury API listening on ${config.publicBaseUrl}  (docs: ${config.publicBaseUrl}/docs)`];
  if (database) lines.push(`Embedded PostgreSQL under ${config.dataDir}`);
  if (seeded) {
    lines.push(
      `Sandbox seeded: organization ${seeded.organization_id}`,
      `  operator API key:   ${seeded.operator_api_key}`,
      `  supervisor API key: ${seeded.supervisor_api_key}`,
    );
  }
  if (config.sandboxSeed && existsSync(seeder.credentialsPath)) lines.push(`Sandbox credentials: ${seeder.credentialsPath}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** HTTPS terminated by the service: TLS 1.2 or later only (API.md §4). */
function tlsOptions(tls: TlsFiles): HttpsOptions {
  const options: ServerOptions = {
    cert: readFileSync(tls.cert),
    key: readFileSync(tls.key),
    minVersion: 'TLSv1.2',
    // Client certificates are requested for mTLS, not required: API-key clients connect without one.
    ...(tls.clientCa ? { ca: readFileSync(tls.clientCa), requestCert: true, rejectUnauthorized: false } : {}),
  };
  return options as HttpsOptions; // Nest hands the object to https.createServer as it is
}

main().catch((error: unknown) => {
  process.stderr.write(`NxTreasury failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

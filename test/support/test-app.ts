import { loadConfig } from '@app/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/configure-app';

/** Test-only environment on top of what globalSetup provides (DATABASE_URL, API_KEY_HASH_SECRET). */
export function testEnv(overrides: Record<string, string> = {}): Record<string, string | undefined> {
  return {
    DATABASE_URL: process.env.DATABASE_URL,
    API_KEY_HASH_SECRET: process.env.API_KEY_HASH_SECRET,
    DATA_DIR: process.env.NXT_TEST_DATA_DIR,
    LOG_LEVEL: 'silent',
    PUBLIC_BASE_URL: 'http://localhost:3000',
    WORKER_POLL_MS: '25',
    SIMULATED_CONFIRMATION_MS: '50',
    ...overrides,
  };
}

/** The real service (same module graph and `configureApp` pipeline as main.ts) on the test database. */
export async function createTestApp(overrides: Record<string, string> = {}): Promise<NestExpressApplication> {
  const config = loadConfig(testEnv(overrides));
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    bufferLogs: true,
    logger: false,
  });
  configureApp(app);
  await app.init();
  return app;
}

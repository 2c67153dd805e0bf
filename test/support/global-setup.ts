import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startEmbeddedDatabase } from '../../libs/database/src/embedded/embedded-database';

/**
 * One embedded PostgreSQL for the whole run, in a throwaway directory. Test workers inherit its URL
 * through the environment; each test builds its own organizations, so nothing is shared between them.
 */
export default async function globalSetup(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'nxtreasury-test-'));
  const database = await startEmbeddedDatabase(dataDir);
  process.env.DATABASE_URL = database.url;
  process.env.API_KEY_HASH_SECRET = randomBytes(32).toString('base64url');
  process.env.NXT_TEST_DATA_DIR = dataDir;
  (globalThis as { __nxtDatabase?: typeof database }).__nxtDatabase = database;
}

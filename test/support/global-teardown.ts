import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const database = (globalThis as { __nxtDatabase?: { stop(): Promise<void> } }).__nxtDatabase;
  await database?.stop();
  if (process.env.NXT_TEST_DATA_DIR) rmSync(process.env.NXT_TEST_DATA_DIR, { recursive: true, force: true });
}

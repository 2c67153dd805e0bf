import { DataSource, DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/**
 * The one description of the database, used by the service, the CLI, the tests and the TypeORM
 * migration commands (through `ormconfig.ts`). The schema changes only through migrations.
 */
export function dataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    namingStrategy: new SnakeNamingStrategy(),
    extra: { max: poolSize, application_name: 'nxtreasury' },
  };
}

/** Arbitrary constant naming the advisory lock that serializes migration runs across processes. */
const MIGRATION_LOCK = 7_205_515_001;

/**
 * Applies pending migrations while holding a PostgreSQL advisory lock, so that several replicas
 * (or parallel test workers) starting at once apply each migration exactly once.
 */
export async function migrate(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await dataSource.runMigrations({ transaction: 'all' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}

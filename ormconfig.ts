import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './libs/database/src/data-source-options';

/**
 * The DataSource for TypeORM's migration commands (`npm run migration:generate`, `migration:run`,
 * `migration:revert`). Those scripts run under `with-database`, which provides DATABASE_URL: the
 * configured database, or the embedded one under DATA_DIR. The service builds the same options.
 */
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set: run TypeORM through `npm run migration:*`');

export default new DataSource({ ...dataSourceOptions(url), entities: [`${__dirname}/libs/*/src/**/*.entity.ts`] });

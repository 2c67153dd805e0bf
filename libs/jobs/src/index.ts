export * from './jobs.module';
export * from './worker.service';

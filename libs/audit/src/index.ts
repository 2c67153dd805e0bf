export * from './audit-entry.entity';
export * from './audit-hash';
export * from './audit.module';
export * from './audit.service';

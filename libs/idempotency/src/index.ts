export * from './idempotency-key';
export * from './idempotency-record.entity';
export * from './idempotency-records.service';
export * from './idempotency.interceptor';
export * from './idempotency.module';

export * from './organization-policy.entity';
export * from './policy.module';
export * from './policy.service';

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdempotencyRecord } from './idempotency-record.entity';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotencyRecordsService } from './idempotency-records.service';

@Module({
  imports: [TypeOrmModule.forFeature([IdempotencyRecord])],
  providers: [IdempotencyInterceptor, IdempotencyRecordsService],
  exports: [IdempotencyInterceptor, IdempotencyRecordsService],
})
export class IdempotencyModule {}

import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { LessThanOrEqual } from 'typeorm';
import { IdempotencyRecord } from './idempotency-record.entity';

@Injectable()
export class IdempotencyRecordsService {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  /** Deletes records past their retention; returns how many. */
  async purgeExpired(now = new Date()): Promise<number> {
    const result = await this.txHost.tx.getRepository(IdempotencyRecord).delete({ expiresAt: LessThanOrEqual(now) });
    return result.affected ?? 0;
  }
}

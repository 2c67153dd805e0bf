import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThanOrEqual, Repository } from 'typeorm';
import { IdempotencyRecord } from './idempotency-record.entity';

@Injectable()
export class IdempotencyRecordsService {
  constructor(@InjectRepository(IdempotencyRecord) private readonly records: Repository<IdempotencyRecord>) {}

  /** Deletes records past their retention; returns how many. */
  async purgeExpired(now = new Date()): Promise<number> {
    const result = await this.records.delete({ expiresAt: LessThanOrEqual(now) });
    return result.affected ?? 0;
  }
}

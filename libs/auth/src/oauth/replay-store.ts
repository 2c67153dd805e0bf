import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { LessThanOrEqual } from 'typeorm';
import { UsedJti } from './used-jti.entity';

/** Single-use JWT ids across every replica: a primary key in PostgreSQL decides who saw it first. */
@Injectable()
export class ReplayStore {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  /** True the first time `jti` of `kind` is seen; false for a replay. Kept until `expiresAt`. */
  async useOnce(kind: 'client_assertion' | 'dpop', jti: string, expiresAt: Date): Promise<boolean> {
    const rows = (await this.txHost.tx.query(
      'INSERT INTO used_jtis (kind, jti, expires_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING jti',
      [kind, jti, expiresAt],
    )) as unknown[];
    return rows.length === 1;
  }

  async purgeExpired(now = new Date()): Promise<number> {
    return (await this.txHost.tx.getRepository(UsedJti).delete({ expiresAt: LessThanOrEqual(now) })).affected ?? 0;
  }
}

import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditEntry } from './audit-entry.entity';
import { auditHash, AuditContent, GENESIS_HASH } from './audit-hash';

export interface AuditVerification {
  ok: boolean;
  entries: number;
  /** The `seq` of the first entry whose hash or link does not check out. */
  brokenAt?: string;
  /** Hash of the last entry: anchor it elsewhere to detect truncation. */
  head: string;
}

/** The append-only, hash-chained audit log (one chain per organization). */
@Injectable()
export class AuditService {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  /**
   * Appends an entry in the caller's transaction, so it exists exactly when the change it records
   * does. Appends to one organization's chain are serialized by an advisory lock held until commit.
   */
  async append(
    organizationId: string,
    actor: string,
    action: string,
    resourceId: string,
    data: Record<string, unknown> = {},
  ): Promise<AuditEntry> {
    return this.txHost.withTransaction(async () => {
      const lock = createHash('sha256').update(`audit\0${organizationId}`).digest().readBigInt64BE(0).toString();
      await this.txHost.tx.query('SELECT pg_advisory_xact_lock($1)', [lock]);
      const entries = this.txHost.tx.getRepository(AuditEntry);
      const last = await entries.findOne({ where: { organizationId }, order: { seq: 'DESC' }, select: { hash: true, seq: true } });
      const prevHash = last?.hash ?? GENESIS_HASH;
      const createdAt = new Date();
      const content = contentOf({ organizationId, actor, action, resourceId, data, createdAt });
      return entries.save(
        entries.create({ organizationId, actor, action, resourceId, data, createdAt, prevHash, hash: auditHash(prevHash, content) }),
      );
    });
  }

  /** Recomputes the organization's whole chain from its first entry. */
  async verify(organizationId: string): Promise<AuditVerification> {
    const entries = await this.txHost.tx.getRepository(AuditEntry).find({ where: { organizationId }, order: { seq: 'ASC' } });
    let prevHash = GENESIS_HASH;
    for (const entry of entries) {
      if (entry.prevHash !== prevHash || auditHash(prevHash, contentOf(entry)) !== entry.hash) {
        return { ok: false, entries: entries.length, brokenAt: entry.seq, head: prevHash };
      }
      prevHash = entry.hash;
    }
    return { ok: true, entries: entries.length, head: prevHash };
  }

  async entriesFor(organizationId: string, resourceId?: string): Promise<AuditEntry[]> {
    return this.txHost.tx
      .getRepository(AuditEntry)
      .find({ where: { organizationId, ...(resourceId ? { resourceId } : {}) }, order: { seq: 'ASC' } });
  }
}

function contentOf(entry: Pick<AuditEntry, 'organizationId' | 'actor' | 'action' | 'resourceId' | 'data' | 'createdAt'>): AuditContent {
  return {
    organization_id: entry.organizationId,
    actor: entry.actor,
    action: entry.action,
    resource_id: entry.resourceId,
    data: entry.data,
    created_at: entry.createdAt.toISOString(),
  };
}

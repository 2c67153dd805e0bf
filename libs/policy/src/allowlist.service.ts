import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { InvalidRequestError, newId, parseEvmAddress } from '@app/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AllowlistEntry } from './allowlist-entry.entity';

@Injectable()
export class AllowlistService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
  ) {}

  private get entries() {
    return this.txHost.tx.getRepository(AllowlistEntry);
  }

  /** Adds an address (idempotent: adding it again returns the existing entry). */
  async add(organizationId: string, chain: string, address: string, actor: string): Promise<AllowlistEntry> {
    const checksummed = parseEvmAddress(address);
    if (!checksummed) {
      throw new InvalidRequestError('Invalid address.', [
        { field: 'address', message: 'must be 0x and 40 hex digits (mixed case must be a valid EIP-55 checksum)' },
      ]);
    }
    return this.txHost.withTransaction(async () => {
      const inserted = await this.entries
        .createQueryBuilder()
        .insert()
        .values({ id: newId('alw'), organizationId, chain, address: checksummed })
        .orIgnore()
        .execute();
      const entry = await this.entries.findOneByOrFail({ organizationId, chain, address: checksummed });
      if (inserted.identifiers.length > 0 && inserted.raw.length > 0) {
        await this.audit.append(organizationId, actor, 'allowlist.entry_added', entry.id, { chain, address: checksummed });
      }
      return entry;
    });
  }

  static view(entry: AllowlistEntry) {
    return {
      object: 'allowlist_entry' as const,
      id: entry.id,
      organization_id: entry.organizationId,
      chain: entry.chain,
      address: entry.address,
      created_at: entry.createdAt.toISOString(),
    };
  }
}

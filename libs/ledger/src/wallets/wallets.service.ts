import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InvalidRequestError, ListPage, ListQueryDto, newId, NotFoundError, paginate } from '@app/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { getAddress } from 'viem';
import { AuditService } from '@app/audit';
import { CatalogService } from '../catalog/catalog.service';
import { WalletView, walletView } from '../views';
import { Wallet } from './wallet.entity';

@Injectable()
export class WalletsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly catalog: CatalogService,
    private readonly audit: AuditService,
  ) {}

  private get wallets() {
    return this.txHost.tx.getRepository(Wallet);
  }

  /** Opens a wallet. An organization's first wallet becomes its default source wallet. `actor` is recorded in the audit log. */
  async create(organizationId: string, input: { name: string; chain: string }, actor: string): Promise<Wallet> {
    const chain = this.catalog.chain(input.chain).code;
    const name = checkedName(input.name);
    const id = newId('wal');
    await this.txHost.withTransaction(async () => {
      await this.lockDefaultOf(organizationId);
      const hasDefault = await this.wallets.existsBy({ organizationId, isDefault: true });
      const address = issueAddress();
      await this.wallets.insert({ id, organizationId, name, chain, address, isDefault: !hasDefault });
      await this.audit.append(organizationId, actor, 'wallet.created', id, { name, chain, address, is_default: !hasDefault });
    });
    return this.get(organizationId, id);
  }

  /** Serializes changes to which wallet is an organization's default (held until commit). */
  private async lockDefaultOf(organizationId: string): Promise<void> {
    await this.txHost.tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`default-wallet:${organizationId}`]);
  }

  /** The wallet, only if it belongs to the organization (another's is as unknown as a missing one). */
  async get(organizationId: string, id: string): Promise<Wallet> {
    const wallet = await this.wallets.findOneBy({ id, organizationId });
    if (!wallet) throw new NotFoundError(`Wallet ${id} does not exist.`);
    return wallet;
  }

  /** The organization's default source wallet, or null before it has any wallet. */
  async defaultFor(organizationId: string): Promise<Wallet | null> {
    return this.wallets.findOneBy({ organizationId, isDefault: true });
  }

  /** The organization's wallet at `address` on `chain`, if the address is one of its own. */
  async findByAddress(organizationId: string, chain: string, address: string): Promise<Wallet | null> {
    return this.wallets.findOneBy({ organizationId, chain, address });
  }

  /**
   * The organization a wallet belongs to, for the operator CLI, which acts across organizations.
   * Request handlers never call this: they only see their own organization's wallets via `get`.
   */
  async organizationOf(id: string): Promise<string> {
    const wallet = await this.wallets.findOne({ where: { id }, select: { organizationId: true } });
    if (!wallet) throw new NotFoundError(`Wallet ${id} does not exist.`);
    return wallet.organizationId;
  }

  async list(organizationId: string, query: ListQueryDto & { chain?: string }): Promise<ListPage<WalletView>> {
    const builder = this.wallets.createQueryBuilder('wallet').where('wallet.organization_id = :organizationId', { organizationId });
    if (query.chain) builder.andWhere('wallet.chain = :chain', { chain: query.chain });
    return paginate(builder, query, walletView);
  }

  /** Renames a wallet, or makes it the organization's default (the previous default stops being one). */
  async update(organizationId: string, id: string, changes: { name?: string; isDefault?: boolean }, actor: string): Promise<Wallet> {
    const wallet = await this.get(organizationId, id);
    if (changes.isDefault === false && wallet.isDefault) {
      throw new InvalidRequestError('An organization always has a default wallet; make another wallet the default instead.', [
        { field: 'is_default', message: 'can only be set to true' },
      ]);
    }
    await this.txHost.withTransaction(async () => {
      if (changes.isDefault && !wallet.isDefault) {
        await this.lockDefaultOf(organizationId);
        await this.wallets.update({ organizationId, isDefault: true }, { isDefault: false });
        await this.wallets.update({ id, organizationId }, { isDefault: true });
      }
      if (changes.name !== undefined) await this.wallets.update({ id, organizationId }, { name: checkedName(changes.name) });
      await this.audit.append(organizationId, actor, 'wallet.updated', id, {
        ...(changes.name !== undefined ? { name: checkedName(changes.name) } : {}),
        ...(changes.isDefault ? { is_default: true } : {}),
      });
    });
    return this.get(organizationId, id);
  }
}

function checkedName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 200) {
    throw new InvalidRequestError('Invalid wallet name.', [{ field: 'name', message: 'must be 1 to 200 characters' }]);
  }
  return trimmed;
}

/**
 * A fresh custody address. The settlement network here is simulated (see README), so the address
 * is random; a real custody provider would derive it from a key it holds.
 */
function issueAddress(): string {
  return getAddress(`0x${randomBytes(20).toString('hex')}`);
}

import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import {
  AppConfig,
  BusinessRuleError,
  ConflictError,
  InsufficientScopeError,
  InvalidRequestError,
  ListPage,
  ListQueryDto,
  Money,
  newId,
  NotFoundError,
  paginate,
  parseEvmAddress,
  SYSTEM_ACTOR,
} from '@app/common';
import { CatalogService, LedgerService, TransactionsService, Wallet, WalletsService } from '@app/ledger';
import { PolicyService, RiskPolicyService } from '@app/policy';
import { PRICE_SOURCE, PriceSource } from '@app/settlement';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { In } from 'typeorm';
import { ApprovalFamily, ApprovalsService, ApprovalSubject } from '../approvals/approvals.service';
import { Actor } from '../shared/actor';
import { requestDigest } from '../shared/request-digest';
import { TransferRequest, TransferStatus } from './transfer-request.entity';
import { TransferRequestView, transferRequestView } from './transfer-request.view';

export interface CreateTransferInput {
  amount: string;
  currency: string;
  /** An address, or the id (`wal_…`) of one of the organization's wallets. */
  destination: string;
  source_wallet_id?: string;
  chain?: string;
  note?: string;
  external_reference?: string;
}

export interface TransferFilters {
  status?: TransferStatus;
  source_wallet_id?: string;
  external_reference?: string;
  from?: Date;
  to?: Date;
}

/** Requests whose value counts toward today's outflow. */
const OUTFLOW_STATUSES: TransferStatus[] = ['pending_approval', 'processing', 'completed'];

/**
 * Transfer requests: acceptance (validation, risk, hold), cancellation and expiry. Settlement steps
 * are in TransferExecution. Every method runs in the caller's transaction (the request's, with its
 * Idempotency-Key record) or opens one.
 */
@Injectable()
export class TransferRequestsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly config: AppConfig,
    private readonly catalog: CatalogService,
    private readonly wallets: WalletsService,
    private readonly ledger: LedgerService,
    private readonly transactions: TransactionsService,
    private readonly policies: PolicyService,
    private readonly risk: RiskPolicyService,
    private readonly audit: AuditService,
    private readonly approvals: ApprovalsService,
    @Inject(PRICE_SOURCE) private readonly prices: PriceSource,
  ) {}

  /** Transfers as an approval-capable family. */
  private readonly family: ApprovalFamily = {
    type: 'transfer_request',
    lock: (organizationId, id) => this.lock(organizationId, id),
    authorize: async (subject: ApprovalSubject) => {
      await this.requests.update({ id: subject.id }, { status: 'processing', nextAttemptAt: new Date(), expiresAt: null });
    },
    reject: (subject: ApprovalSubject, actor: string) => this.end(subject as TransferRequest, 'rejected', actor),
  };

  private get requests() {
    return this.txHost.tx.getRepository(TransferRequest);
  }

  /**
   * Accepts a transfer: validates it, judges its risk, holds the funds (or refuses with 422
   * `insufficient_funds`), and records it `processing` (low risk: the worker settles it) or
   * `pending_approval` (high risk). All in one transaction.
   */
  async create(actor: Actor, input: CreateTransferInput): Promise<TransferRequest> {
    return this.txHost.withTransaction(async () => {
      const organizationId = actor.organizationId;
      const asset = this.catalog.asset(input.currency);
      const amount = this.catalog.checkAmount(asset, input.amount);
      const source = await this.sourceWallet(organizationId, input.source_wallet_id);
      if (input.chain !== undefined && input.chain !== source.chain) {
        throw new InvalidRequestError('The chain does not match the source wallet.', [
          { field: 'chain', message: `the source wallet is on ${source.chain}; moving across chains is a bridge request` },
        ]);
      }
      const destination = await this.destination(organizationId, source, input.destination);

      // One organization's acceptances are serialized, so the daily outflow limit and the uniqueness
      // of external references hold under concurrency.
      await this.txHost.tx.query('SELECT pg_advisory_xact_lock($1)', [advisoryKey(`accept\0${organizationId}`)]);
      if (
        input.external_reference !== undefined &&
        (await this.requests.existsBy({ organizationId, externalReference: input.external_reference }))
      ) {
        throw this.duplicateReference(input.external_reference);
      }
      const usdValue = (await this.prices.usdPrice(asset.code)).times(amount);
      const assessment = await this.risk.assess({
        organizationId,
        policy: await this.policies.forOrganization(organizationId),
        kind: 'transfer',
        usdValue,
        outflowTodayUsd: await this.outflowToday(organizationId),
        externalDestination: destination.wallet ? null : { chain: source.chain, address: destination.address },
      });

      const id = newId('tr');
      const hold = await this.ledger.placeHold(source, asset.code, amount, id);
      const now = new Date();
      const pending = assessment.level === 'high';
      const request = this.requests.create({
        id,
        organizationId,
        status: pending ? 'pending_approval' : 'processing',
        sourceWalletId: source.id,
        chain: source.chain,
        currency: asset.code,
        amount,
        destinationAddress: destination.address,
        destinationWalletId: destination.wallet?.id ?? null,
        note: input.note ?? null,
        externalReference: input.external_reference ?? null,
        usdValue: usdValue.toFixed(),
        riskLevel: assessment.level,
        riskReasons: assessment.reasons,
        approvalsRequired: assessment.approvalsRequired,
        requestDigest: '',
        holdId: hold.id,
        txHash: null,
        submittedAt: null,
        nextAttemptAt: pending ? null : now,
        attempts: 0,
        failureReason: null,
        createdBy: actor.id,
        expiresAt: pending ? new Date(now.getTime() + this.config.approvalTtlHours * 3_600_000) : null,
        completedAt: null,
        createdAt: now,
      });
      request.requestDigest = requestDigest(immutableTerms(request));
      await this.requests.insert(request);
      await this.audit.append(organizationId, actor.id, 'transfer_request.created', id, {
        status: request.status,
        amount,
        currency: asset.code,
        source_wallet_id: source.id,
        destination: destination.address,
        risk: { level: assessment.level, reasons: assessment.reasons },
        request_digest: request.requestDigest,
      });
      return this.get(organizationId, id);
    });
  }

  /** The request, only if it belongs to the organization. */
  async get(organizationId: string, id: string): Promise<TransferRequest> {
    const request = await this.requests.findOneBy({ id, organizationId });
    if (!request) throw new NotFoundError(`Transfer request ${id} does not exist.`);
    return request;
  }

  async view(request: TransferRequest): Promise<TransferRequestView> {
    const [ids, approvals] = await Promise.all([this.transactions.idsByRequest([request.id]), this.approvals.forRequests([request.id])]);
    return transferRequestView(request, ids.get(request.id) ?? [], approvals.get(request.id) ?? []);
  }

  /**
   * A supervisor's signed approval (the signature already verified; `evidence` is its record). The
   * last approval needed sends the transfer to execution.
   */
  async approve(actor: Actor, id: string, input: { requestDigest: string; comment?: string }, evidence: object): Promise<TransferRequest> {
    await this.approvals.approve(this.family, actor, id, input, evidence);
    return this.get(actor.organizationId, id);
  }

  /** A supervisor's refusal: the transfer ends `rejected` and its funds are released. */
  async reject(actor: Actor, id: string, input: { comment?: string }): Promise<TransferRequest> {
    await this.approvals.reject(this.family, actor, id, input);
    return this.get(actor.organizationId, id);
  }

  async list(organizationId: string, query: ListQueryDto & TransferFilters): Promise<ListPage<TransferRequestView>> {
    const builder = this.requests.createQueryBuilder('tr').where('tr.organization_id = :organizationId', { organizationId });
    if (query.status) builder.andWhere('tr.status = :status', { status: query.status });
    if (query.source_wallet_id) builder.andWhere('tr.source_wallet_id = :sourceWalletId', { sourceWalletId: query.source_wallet_id });
    if (query.external_reference) builder.andWhere('tr.external_reference = :reference', { reference: query.external_reference });
    if (query.from) builder.andWhere('tr.created_at >= :from', { from: query.from });
    if (query.to) builder.andWhere('tr.created_at < :to', { to: query.to });
    const page = await paginate(builder, query, (row) => row);
    const requestIds = page.data.map((row) => row.id);
    const [ids, approvals] = await Promise.all([this.transactions.idsByRequest(requestIds), this.approvals.forRequests(requestIds)]);
    return { ...page, data: page.data.map((row) => transferRequestView(row, ids.get(row.id) ?? [], approvals.get(row.id) ?? [])) };
  }

  /**
   * Ends a request that waits for approval and releases its hold. The initiator or any operator of
   * the organization may cancel; a request already executing or ended is a 409.
   */
  async cancel(actor: Actor, id: string): Promise<TransferRequest> {
    return this.txHost.withTransaction(async () => {
      const request = await this.lock(actor.organizationId, id);
      if (request.createdBy !== actor.id && !actor.roles.includes('operator')) {
        throw new InsufficientScopeError('Only the initiator or an operator of the organization may cancel a request.');
      }
      if (request.status !== 'pending_approval') {
        throw new ConflictError(`Only a request pending approval can be cancelled; this one is ${request.status}.`);
      }
      await this.end(request, 'cancelled', actor.id);
      return this.get(actor.organizationId, id);
    });
  }

  /** Expires requests whose approval window has passed, releasing their holds. Returns how many. */
  async expireDue(limit = 50): Promise<number> {
    return this.txHost.withTransaction(async () => {
      const due = await this.requests
        .createQueryBuilder('tr')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .where("tr.status = 'pending_approval' AND tr.expires_at <= now()")
        .orderBy('tr.expires_at')
        .limit(limit)
        .getMany();
      for (const request of due) await this.end(request, 'expired', SYSTEM_ACTOR);
      return due.length;
    });
  }

  /** The request row, locked until the transaction ends. */
  async lock(organizationId: string, id: string): Promise<TransferRequest> {
    const request = await this.requests
      .createQueryBuilder('tr')
      .setLock('pessimistic_write')
      .where('tr.id = :id AND tr.organization_id = :organizationId', { id, organizationId })
      .getOne();
    if (!request) throw new NotFoundError(`Transfer request ${id} does not exist.`);
    return request;
  }

  private async end(request: TransferRequest, status: 'cancelled' | 'expired' | 'rejected', actor: string): Promise<void> {
    await this.ledger.releaseHold(request.holdId);
    await this.requests.update({ id: request.id }, { status, expiresAt: null });
    await this.audit.append(request.organizationId, actor, `transfer_request.${status}`, request.id, { previous_status: request.status });
  }

  private async sourceWallet(organizationId: string, walletId: string | undefined): Promise<Wallet> {
    if (walletId !== undefined) return this.wallets.get(organizationId, walletId);
    const wallet = await this.wallets.defaultFor(organizationId);
    if (!wallet) throw new BusinessRuleError('policy_violation', 'The organization has no wallet to send from; create one first.');
    return wallet;
  }

  private async destination(
    organizationId: string,
    source: Wallet,
    destination: string,
  ): Promise<{ address: string; wallet: Wallet | null }> {
    let wallet: Wallet | null;
    let address: string;
    if (destination.startsWith('wal_')) {
      wallet = await this.wallets.get(organizationId, destination);
      address = wallet.address;
    } else {
      const checksummed = parseEvmAddress(destination);
      if (!checksummed) {
        throw new InvalidRequestError('Invalid destination.', [
          { field: 'destination', message: 'must be 0x and 40 hex digits (mixed case must be a valid EIP-55 checksum) or a wal_ id' },
        ]);
      }
      address = checksummed;
      wallet = await this.wallets.findByAddress(organizationId, source.chain, address);
    }
    if (wallet && wallet.chain !== source.chain) {
      throw new InvalidRequestError('The destination wallet is on another chain.', [
        { field: 'destination', message: `is on ${wallet.chain}, the source on ${source.chain}; use a bridge request` },
      ]);
    }
    if (address === source.address) {
      throw new InvalidRequestError('The destination is the source wallet.', [
        { field: 'destination', message: 'must differ from the source wallet' },
      ]);
    }
    return { address, wallet };
  }

  /** USD value of today's (UTC) external outflow already accepted. */
  private async outflowToday(organizationId: string): Promise<Money> {
    const [{ total }] = (await this.requests
      .createQueryBuilder('tr')
      .select('COALESCE(SUM(tr.usd_value), 0)::text', 'total')
      .where('tr.organization_id = :organizationId', { organizationId })
      .andWhere({ status: In(OUTFLOW_STATUSES) })
      .andWhere('tr.destination_wallet_id IS NULL')
      .andWhere("tr.created_at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'")
      .getRawMany()) as { total: string }[];
    return new Money(total);
  }

  private duplicateReference(reference: string): ConflictError {
    return new ConflictError(
      `A transfer request with external_reference "${reference}" already exists; find it with GET /api/v1/transfer_requests?external_reference=.`,
    );
  }
}

/** The terms a supervisor approves; none of them can change after acceptance. */
export function immutableTerms(request: TransferRequest): Record<string, string | number | null> {
  return {
    object: 'transfer_request',
    id: request.id,
    organization_id: request.organizationId,
    source_wallet_id: request.sourceWalletId,
    chain: request.chain,
    currency: request.currency,
    amount: new Money(request.amount).toFixed(),
    destination: request.destinationAddress,
    destination_wallet_id: request.destinationWalletId,
    note: request.note,
    external_reference: request.externalReference,
    created_by: request.createdBy,
  };
}

function advisoryKey(text: string): string {
  return createHash('sha256').update(text).digest().readBigInt64BE(0).toString();
}

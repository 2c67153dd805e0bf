import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { AppConfig, Money, SYSTEM_ACTOR } from '@app/common';
import { LedgerService, NewTransaction, TransactionsService, WalletsService } from '@app/ledger';
import { SETTLEMENT_ADAPTER, SettlementAdapter, TransferInstruction } from '@app/settlement';
import { Propagation, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { TransferRequest } from './transfer-request.entity';

/** Longest wait between retries of a step that failed for a transient reason (network, deadlock). */
const MAX_BACKOFF_MS = 60_000;

/**
 * Settles `processing` transfer requests, one step at a time: submit to the network, then poll until
 * it confirms (capture the hold into a balanced ledger entry) or fails (release the hold). Each step
 * is one transaction holding the request's row lock, so any number of workers may run, a crash
 * loses at most an uncommitted step, and a restarted worker takes up exactly where it stopped.
 */
@Injectable()
export class TransferExecution {
  private readonly logger = new Logger(TransferExecution.name);

  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly config: AppConfig,
    private readonly wallets: WalletsService,
    private readonly ledger: LedgerService,
    private readonly transactions: TransactionsService,
    private readonly audit: AuditService,
    @Inject(SETTLEMENT_ADAPTER) private readonly network: SettlementAdapter,
  ) {}

  private get requests() {
    return this.txHost.tx.getRepository(TransferRequest);
  }

  /** Takes the next due step of one request (skipping those another worker holds); false when none is due. */
  async advanceNext(): Promise<boolean> {
    return this.txHost.withTransaction(async () => {
      const request = await this.requests
        .createQueryBuilder('tr')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .where("tr.status = 'processing' AND tr.next_attempt_at <= now()")
        .orderBy('tr.next_attempt_at')
        .limit(1)
        .getOne();
      if (!request) return false;
      try {
        await this.txHost.withTransaction(Propagation.Nested, () => this.advance(request));
      } catch (error) {
        const delay = Math.min(MAX_BACKOFF_MS, this.config.workerPollMs * 2 ** Math.min(request.attempts, 12));
        this.logger.warn({ requestId: request.id, err: error, retryInMs: delay }, 'Settlement step failed; will retry');
        await this.requests.update({ id: request.id }, { attempts: request.attempts + 1, nextAttemptAt: new Date(Date.now() + delay) });
      }
      return true;
    });
  }

  private async advance(request: TransferRequest): Promise<void> {
    const source = await this.wallets.get(request.organizationId, request.sourceWalletId);
    const instruction: TransferInstruction = {
      reference: `${request.id}:transfer`,
      chain: request.chain,
      currency: request.currency,
      amount: new Money(request.amount).toFixed(),
      fromAddress: source.address,
      toAddress: request.destinationAddress,
    };
    const later = new Date(Date.now() + this.config.workerPollMs);

    if (!request.txHash) {
      const txHash = await this.network.submit(instruction);
      await this.requests.update({ id: request.id }, { txHash, submittedAt: new Date(), nextAttemptAt: later, attempts: 0 });
      await this.transactions.open(this.legs(request, txHash, source.address));
      await this.audit.append(request.organizationId, SYSTEM_ACTOR, 'transfer_request.submitted', request.id, { tx_hash: txHash });
      return;
    }

    const outcome = await this.network.status(instruction, request.txHash, request.submittedAt!);
    if (outcome.state === 'pending') {
      await this.requests.update({ id: request.id }, { nextAttemptAt: later });
      return;
    }
    if (outcome.state === 'confirmed') {
      const counterparty = request.destinationWalletId
        ? await this.ledger.lockWalletAccount(await this.wallets.get(request.organizationId, request.destinationWalletId), request.currency)
        : await this.ledger.externalAccount(request.chain, request.currency);
      const entry = await this.ledger.captureHold(request.holdId, counterparty, 'transfer');
      await this.transactions.close(request.id, 'completed', entry.id);
      await this.requests.update({ id: request.id }, { status: 'completed', completedAt: new Date(), nextAttemptAt: null });
      await this.audit.append(request.organizationId, SYSTEM_ACTOR, 'transfer_request.completed', request.id, {
        tx_hash: request.txHash,
        ledger_entry_id: entry.id,
      });
      return;
    }
    await this.ledger.releaseHold(request.holdId);
    await this.transactions.close(request.id, 'failed', null);
    await this.requests.update({ id: request.id }, { status: 'failed', failureReason: outcome.reason, nextAttemptAt: null });
    await this.audit.append(request.organizationId, SYSTEM_ACTOR, 'transfer_request.failed', request.id, {
      tx_hash: request.txHash,
      reason: outcome.reason,
    });
  }

  /** The movements a transfer makes: out of the source wallet, and into the destination wallet when it is the organization's own. */
  private legs(request: TransferRequest, txHash: string, sourceAddress: string): NewTransaction[] {
    const common = {
      organizationId: request.organizationId,
      currency: request.currency,
      chain: request.chain,
      amount: request.amount,
      txHash,
      requestId: request.id,
    };
    const out: NewTransaction = {
      ...common,
      walletId: request.sourceWalletId,
      type: 'transfer_out',
      direction: 'debit',
      counterparty: request.destinationAddress,
    };
    if (!request.destinationWalletId) return [out];
    return [
      out,
      { ...common, walletId: request.destinationWalletId, type: 'transfer_in', direction: 'credit', counterparty: sourceAddress },
    ];
  }
}

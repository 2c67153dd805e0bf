import { formatAmount } from '@app/common';
import { ApprovalView } from '../approvals/approvals.service';
import { TransferRequest, TransferStatus } from './transfer-request.entity';

/** The wire shape of a transfer request (API.md §7). */
export interface TransferRequestView {
  object: 'transfer_request';
  id: string;
  status: TransferStatus;
  amount: string;
  currency: string;
  chain: string;
  source_wallet_id: string;
  destination: string;
  destination_wallet_id: string | null;
  note: string | null;
  external_reference: string | null;
  usd_value: string;
  risk: { level: 'low' | 'high'; reasons: string[] };
  approvals_required: number;
  approvals: ApprovalView[];
  request_digest: string;
  transaction_ids: string[];
  tx_hash: string | null;
  failure_reason: string | null;
  created_by: string;
  expires_at: string | null;
  completed_at: string | null;
  created_at: string;
  updated_at: string;
}

export function transferRequestView(request: TransferRequest, transactionIds: string[], approvals: ApprovalView[]): TransferRequestView {
  return {
    object: 'transfer_request',
    id: request.id,
    status: request.status,
    amount: formatAmount(request.amount),
    currency: request.currency,
    chain: request.chain,
    source_wallet_id: request.sourceWalletId,
    destination: request.destinationAddress,
    destination_wallet_id: request.destinationWalletId,
    note: request.note,
    external_reference: request.externalReference,
    usd_value: formatAmount(request.usdValue),
    risk: { level: request.riskLevel, reasons: request.riskReasons },
    approvals_required: request.approvalsRequired,
    approvals,
    request_digest: request.requestDigest,
    transaction_ids: transactionIds,
    tx_hash: request.txHash,
    failure_reason: request.failureReason,
    created_by: request.createdBy,
    expires_at: request.expiresAt?.toISOString() ?? null,
    completed_at: request.completedAt?.toISOString() ?? null,
    created_at: request.createdAt.toISOString(),
    updated_at: request.updatedAt.toISOString(),
  };
}

import { ListOf } from '@app/common';
import { TRANSFER_STATUSES, TransferRequestView } from '@app/payments';
import { ApiProperty } from '@nestjs/swagger';
import { ApprovalDto } from './approval.dto';

export class RiskDto {
  @ApiProperty({ enum: ['low', 'high'] })
  level!: 'low' | 'high';
  /** Why it is high risk: `amount_at_or_above_threshold`, `daily_outflow_limit_exceeded`, `destination_not_allowlisted`. */
  @ApiProperty({ type: [String] })
  reasons!: string[];
}

/**
 * A transfer. Low risk executes at once (`processing`, then `completed` or `failed`); high risk waits
 * in `pending_approval` with its funds held until approved, rejected, cancelled or expired.
 */
export class TransferRequestDto implements TransferRequestView {
  @ApiProperty({ enum: ['transfer_request'] })
  object!: 'transfer_request';
  /** `tr_…` */
  id!: string;
  @ApiProperty({ enum: TRANSFER_STATUSES })
  status!: TransferRequestView['status'];
  @ApiProperty({ example: '100' })
  amount!: string;
  @ApiProperty({ example: 'USDC' })
  currency!: string;
  @ApiProperty({ example: 'ethereum' })
  chain!: string;
  source_wallet_id!: string;
  /** The destination address (EIP-55). */
  destination!: string;
  /** Set when the destination is one of your own wallets. */
  @ApiProperty({ type: String, nullable: true })
  destination_wallet_id!: string | null;
  @ApiProperty({ type: String, nullable: true })
  note!: string | null;
  @ApiProperty({ type: String, nullable: true })
  external_reference!: string | null;
  /** USD value when accepted (from the price source). */
  @ApiProperty({ example: '100' })
  usd_value!: string;
  risk!: RiskDto;
  /** Distinct supervisor approvals needed to execute (0 for low risk). */
  approvals_required!: number;
  /** Decisions so far: approvals with their signature evidence, or a rejection. */
  @ApiProperty({ type: [ApprovalDto] })
  approvals!: ApprovalDto[];
  /** `sha-256=:<base64>:` of the RFC 8785 canonical JSON of the immutable terms: what a supervisor approves. */
  @ApiProperty({ example: 'sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:' })
  request_digest!: string;
  /** The ledger movements it caused (`txn_…`). */
  @ApiProperty({ type: [String] })
  transaction_ids!: string[];
  @ApiProperty({ type: String, nullable: true })
  tx_hash!: string | null;
  @ApiProperty({ type: String, nullable: true })
  failure_reason!: string | null;
  /** The principal that initiated it. */
  created_by!: string;
  /** When a pending approval lapses. */
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  expires_at!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  completed_at!: string | null;
  @ApiProperty({ format: 'date-time' })
  created_at!: string;
  @ApiProperty({ format: 'date-time' })
  updated_at!: string;
}

export class TransferRequestListDto extends ListOf(TransferRequestDto) {}

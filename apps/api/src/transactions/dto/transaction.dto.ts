import { ListOf } from '@app/common';
import { TRANSACTION_TYPES, TransactionView } from '@app/ledger';
import { ApiProperty } from '@nestjs/swagger';

/** An immutable movement of one currency in or out of one wallet. */
export class TransactionDto implements TransactionView {
  @ApiProperty({ enum: ['transaction'] })
  object!: 'transaction';
  /** `txn_…` */
  id!: string;
  @ApiProperty({ enum: TRANSACTION_TYPES })
  type!: TransactionView['type'];
  wallet_id!: string;
  @ApiProperty({ example: 'USDC' })
  currency!: string;
  @ApiProperty({ example: 'ethereum' })
  chain!: string;
  /** Always positive; see `direction`. */
  @ApiProperty({ example: '100' })
  amount!: string;
  @ApiProperty({ enum: ['credit', 'debit'] })
  direction!: 'credit' | 'debit';
  @ApiProperty({ enum: ['processing', 'completed', 'failed'] })
  status!: TransactionView['status'];
  @ApiProperty({ type: String, nullable: true })
  tx_hash!: string | null;
  /** The other side's address, when known. */
  @ApiProperty({ type: String, nullable: true })
  counterparty!: string | null;
  /** The originating request (`tr_…`, …); null for deposits. */
  @ApiProperty({ type: String, nullable: true })
  request_id!: string | null;
  @ApiProperty({ format: 'date-time' })
  created_at!: string;
  @ApiProperty({ format: 'date-time' })
  updated_at!: string;
}

export class TransactionListDto extends ListOf(TransactionDto) {}

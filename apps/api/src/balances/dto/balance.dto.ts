import { ListOf } from '@app/common';
import { BalanceView } from '@app/ledger';
import { ApiProperty } from '@nestjs/swagger';

/** A wallet's holding of one currency. Amounts are exact decimal strings. */
export class BalanceDto implements BalanceView {
  @ApiProperty({ enum: ['balance'] })
  object!: 'balance';
  /** `wal_…` */
  wallet_id!: string;
  @ApiProperty({ example: 'ethereum' })
  chain!: string;
  @ApiProperty({ example: 'USDC' })
  currency!: string;
  /** What can be moved now: `total` − `held`. */
  @ApiProperty({ example: '999900' })
  available!: string;
  /** Reserved for accepted requests not yet settled. */
  @ApiProperty({ example: '100' })
  held!: string;
  /** Everything booked on the ledger. */
  @ApiProperty({ example: '1000000' })
  total!: string;
}

export class BalanceListDto extends ListOf(BalanceDto) {}

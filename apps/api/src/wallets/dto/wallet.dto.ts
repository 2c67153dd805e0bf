import { ListOf } from '@app/common';
import { WalletView } from '@app/ledger';
import { ApiProperty } from '@nestjs/swagger';

/** A custody wallet on one chain. */
export class WalletDto implements WalletView {
  @ApiProperty({ enum: ['wallet'] })
  object!: 'wallet';
  /** `wal_…` */
  id!: string;
  name!: string;
  /** The chain the wallet lives on. */
  @ApiProperty({ example: 'ethereum' })
  chain!: string;
  /** EIP-55 checksummed address. */
  @ApiProperty({ example: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed' })
  address!: string;
  /** The organization's default source wallet for transfers. */
  is_default!: boolean;
  @ApiProperty({ format: 'date-time' })
  created_at!: string;
  @ApiProperty({ format: 'date-time' })
  updated_at!: string;
}

export class WalletListDto extends ListOf(WalletDto) {}

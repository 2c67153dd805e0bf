import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';

const DECIMAL_STRING = 'must be a decimal string such as "100" or "0.25", not a JSON number';

export class CreateTransferRequestDto {
  /** Decimal string, greater than 0, with at most the asset's decimals (6 for stablecoins, 18 for ETH). */
  @ApiProperty({ example: '100' })
  @IsString({ message: DECIMAL_STRING })
  amount!: string;

  /** `USDC`, `USDT`, `EURC`, `PYUSD` or `ETH`. */
  @ApiProperty({ example: 'USDC' })
  @IsString()
  currency!: string;

  /** An address (`0x` + 40 hex; mixed case must be a valid EIP-55 checksum) or one of your wallet ids (`wal_…`). */
  @ApiProperty({ example: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed' })
  @IsString()
  @MaxLength(64)
  destination!: string;

  /** The wallet to pay from; default: the organization's default wallet. */
  @IsOptional()
  @IsString()
  source_wallet_id?: string;

  /** Must be the source wallet's chain when given. */
  @ApiPropertyOptional({ example: 'ethereum' })
  @IsOptional()
  @IsString()
  chain?: string;

  /** Free text for people, up to 500 characters. */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;

  /** Your own reference, unique in your organization for ever: a second request with it is a 409. */
  @IsOptional()
  @IsString()
  @Length(1, 255)
  external_reference?: string;
}

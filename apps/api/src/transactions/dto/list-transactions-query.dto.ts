import { ListQueryDto } from '@app/common';
import { TRANSACTION_TYPES } from '@app/ledger';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString } from 'class-validator';

export class ListTransactionsQueryDto extends ListQueryDto {
  @IsOptional()
  @IsString()
  wallet_id?: string;

  @ApiPropertyOptional({ example: 'USDC' })
  @IsOptional()
  @IsString()
  currency?: string;

  @ApiPropertyOptional({ enum: TRANSACTION_TYPES })
  @IsOptional()
  @IsIn(TRANSACTION_TYPES)
  type?: string;

  /** Created at or after (RFC 3339). */
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  /** Created before (RFC 3339). */
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

import { DateRangeQueryDto } from '@app/common';
import { TRANSACTION_TYPES } from '@app/ledger';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';

export class ListTransactionsQueryDto extends DateRangeQueryDto {
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
}

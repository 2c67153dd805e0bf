import { DateRangeQueryDto } from '@app/common';
import { TRANSFER_STATUSES, TransferStatus } from '@app/payments';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';

export class ListTransferRequestsQueryDto extends DateRangeQueryDto {
  @ApiPropertyOptional({ enum: TRANSFER_STATUSES })
  @IsOptional()
  @IsIn(TRANSFER_STATUSES)
  status?: TransferStatus;

  @IsOptional()
  @IsString()
  source_wallet_id?: string;

  /** Finds the request made with this reference. */
  @IsOptional()
  @IsString()
  external_reference?: string;
}

import { ListQueryDto } from '@app/common';
import { TRANSFER_STATUSES, TransferStatus } from '@app/payments';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString } from 'class-validator';

export class ListTransferRequestsQueryDto extends ListQueryDto {
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

  /** Created at or after (RFC 3339). */
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  /** Created before (RFC 3339). */
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

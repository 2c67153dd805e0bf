import { ListQueryDto } from '@app/common';
import { IsOptional, IsString } from 'class-validator';

export class ListBalancesQueryDto extends ListQueryDto {
  /** Only this currency, e.g. `USDC`. */
  @IsOptional()
  @IsString()
  currency?: string;

  /** Only wallets on this chain. */
  @IsOptional()
  @IsString()
  chain?: string;
}

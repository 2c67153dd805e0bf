import { ListQueryDto } from '@app/common';
import { IsOptional, IsString } from 'class-validator';

export class ListWalletsQueryDto extends ListQueryDto {
  /** Only wallets on this chain. */
  @IsOptional()
  @IsString()
  chain?: string;
}

import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class CreateWalletDto {
  /** A name for people, 1 to 200 characters. */
  @IsString()
  @Length(1, 200)
  name!: string;

  /** The chain: `ethereum`, `base`, `arbitrum`, `polygon` or `optimism`. */
  @ApiProperty({ example: 'ethereum' })
  @IsString()
  chain!: string;
}

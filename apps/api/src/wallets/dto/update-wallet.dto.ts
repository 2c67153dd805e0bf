import { ApiPropertyOptional } from '@nestjs/swagger';
import { Equals, IsBoolean, IsOptional, IsString, Length } from 'class-validator';

export class UpdateWalletDto {
  /** A new name, 1 to 200 characters. */
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  /** `true` makes this the organization's default source wallet (the previous default stops being one). */
  @ApiPropertyOptional({ enum: [true] })
  @IsOptional()
  @IsBoolean()
  @Equals(true, { message: 'can only be set to true; make another wallet the default instead' })
  is_default?: boolean;
}

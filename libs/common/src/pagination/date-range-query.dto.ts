import { IsISO8601, IsOptional } from 'class-validator';
import { ListQueryDto } from './list-query.dto';

/** `limit`, `cursor`, and a creation-time window, for lists of things that happen. */
export class DateRangeQueryDto extends ListQueryDto {
  /** Created at or after (RFC 3339). */
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  /** Created before (RFC 3339). */
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  /** The window as dates, for the services. */
  static range(query: DateRangeQueryDto): { from: Date | undefined; to: Date | undefined } {
    return { from: query.from ? new Date(query.from) : undefined, to: query.to ? new Date(query.to) : undefined };
  }
}

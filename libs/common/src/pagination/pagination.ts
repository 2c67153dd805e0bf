import { Type as ClassType } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { InvalidRequestError } from '../errors/api-error';
import { ListQueryDto } from './list-query.dto';

/** The list envelope (API.md §2). */
export interface ListPage<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  next_cursor: string | null;
}

interface Keyed {
  id: string;
  createdAt: Date;
}

function encodeCursor(row: Keyed): string {
  return Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const date = new Date(String(createdAt));
    if (typeof id !== 'string' || Number.isNaN(date.getTime())) throw new Error('bad cursor');
    return { createdAt: date, id };
  } catch {
    throw new InvalidRequestError('The cursor is not valid.', [{ field: 'cursor', message: 'must be the next_cursor of a previous page' }]);
  }
}

/**
 * Keyset pagination, newest first, on `(created_at, id)`: a page never repeats or skips a row
 * while rows are added. Timestamps are stored at millisecond precision so the cursor round-trips
 * through a JavaScript Date exactly.
 */
export async function paginate<E extends ObjectLiteral & Keyed, R>(
  query: SelectQueryBuilder<E>,
  list: ListQueryDto,
  toResponse: (row: E) => R,
): Promise<ListPage<R>> {
  const alias = query.alias;
  if (list.cursor) {
    const after = decodeCursor(list.cursor);
    query.andWhere(`(${alias}.created_at, ${alias}.id) < (:cursorCreatedAt, :cursorId)`, {
      cursorCreatedAt: after.createdAt,
      cursorId: after.id,
    });
  }
  const rows = await query
    .orderBy(`${alias}.created_at`, 'DESC')
    .addOrderBy(`${alias}.id`, 'DESC')
    .limit(list.limit + 1)
    .getMany();
  const page = rows.slice(0, list.limit);
  const hasMore = rows.length > list.limit;
  return {
    object: 'list',
    data: page.map(toResponse),
    has_more: hasMore,
    next_cursor: hasMore ? encodeCursor(page[page.length - 1]) : null,
  };
}

/** An OpenAPI schema class for the list of `item`s, e.g. `class WalletListDto extends ListOf(WalletDto) {}`. */
export function ListOf<T>(item: ClassType<T>) {
  class ListDto {
    @ApiProperty({ enum: ['list'] })
    object!: 'list';
    @ApiProperty({ type: [item] })
    data!: T[];
    @ApiProperty()
    has_more!: boolean;
    @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` to fetch the next page; null on the last page.' })
    next_cursor!: string | null;
  }
  return ListDto;
}

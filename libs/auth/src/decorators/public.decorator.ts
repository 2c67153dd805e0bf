import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'nxt:is-public';

/** The route needs no credential. Every other route is denied unless it declares `@Auth(...)`. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ErrorDetailDto {
  /** The input field, as a path (`amount`, `operations[2].amount`, `Idempotency-Key`). */
  field!: string;
  /** Why the value was refused. */
  message!: string;
}

/** The body of every non-2xx response (API.md §3). */
export class ErrorEnvelopeDto {
  /** A stable machine-readable code, e.g. `invalid_request`, `invalid_token`, `not_found`. */
  @ApiProperty({ example: 'invalid_request' })
  error!: string;
  /** Human-readable explanation. Never contains internals. */
  @ApiProperty({ example: 'The idempotency key has already been used.' })
  message!: string;
  /** The HTTP status, repeated. */
  @ApiProperty({ example: 409 })
  code!: number;
  /** One entry per invalid field, on validation errors. */
  @ApiPropertyOptional({ type: [ErrorDetailDto] })
  details?: ErrorDetailDto[];
  /** The request's `X-Request-Id`, to quote to support. */
  @ApiPropertyOptional({ example: 'req_01j9z3k4m5n6p7q8r9s0t1v2w3' })
  request_id?: string;
}

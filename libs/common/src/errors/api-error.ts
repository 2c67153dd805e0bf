/** One entry of an error's `details`: which input field was wrong and why. */
export interface ErrorDetail {
  field: string;
  message: string;
}

export interface ApiErrorOptions {
  details?: ErrorDetail[];
  headers?: Record<string, string>;
  /** Extra envelope fields a standard asks for (RFC 6749 §5.2 `error_description`). */
  fields?: Record<string, string>;
}

/**
 * A refusal the client is meant to see. Every one has a stable `error` code and an HTTP status
 * (API.md §3); the exception filter turns it into the error envelope. Anything that is not an
 * ApiError becomes a bare 500.
 */
export class ApiError extends Error {
  readonly details?: ErrorDetail[];
  readonly headers: Record<string, string>;
  readonly fields: Record<string, string>;

  constructor(
    readonly status: number,
    readonly error: string,
    message: string,
    options: ApiErrorOptions = {},
  ) {
    super(message);
    this.name = new.target.name;
    this.details = options.details;
    this.headers = options.headers ?? {};
    this.fields = options.fields ?? {};
  }
}

export class InvalidRequestError extends ApiError {
  constructor(message: string, details?: ErrorDetail[]) {
    super(400, 'invalid_request', message, { details });
  }
}

/** 401 with an RFC 6750 §3 challenge. */
export class InvalidTokenError extends ApiError {
  constructor(message = 'The access credential is missing, unknown, expired or revoked.', challenge = 'Bearer') {
    super(401, 'invalid_token', message, {
      headers: { 'WWW-Authenticate': `${challenge} error="invalid_token", error_description="${message.replace(/"/g, "'")}"` },
    });
  }
}

export class InsufficientScopeError extends ApiError {
  constructor(message: string) {
    super(403, 'insufficient_scope', message);
  }
}

export class KycRequiredError extends ApiError {
  constructor(message = 'The organization must complete KYC verification before using this endpoint.') {
    super(403, 'kyc_required', message);
  }
}

export class NotFoundError extends ApiError {
  constructor(message = 'The requested resource does not exist.') {
    super(404, 'not_found', message);
  }
}

export class ConflictError extends ApiError {
  constructor(message: string) {
    super(409, 'conflict', message);
  }
}

export class PayloadTooLargeError extends ApiError {
  constructor(message = 'The request body is too large.') {
    super(413, 'payload_too_large', message);
  }
}

export class UnsupportedMediaTypeError extends ApiError {
  constructor(accepted: string[]) {
    super(415, 'unsupported_media_type', `The request body must be sent as ${accepted.join(' or ')}.`);
  }
}

/** 422: a business rule refused an otherwise valid request. */
export class BusinessRuleError extends ApiError {
  constructor(error: 'insufficient_funds' | 'unsupported_asset' | 'policy_violation', message: string) {
    super(422, error, message);
  }
}

export class ServiceUnavailableError extends ApiError {
  constructor(message = 'The service is temporarily unavailable. Retry later.', retryAfterSeconds = 5, details?: ErrorDetail[]) {
    super(503, 'service_unavailable', message, { headers: { 'Retry-After': String(retryAfterSeconds) }, details });
  }
}

/** The error envelope of API.md §3 for `error`. */
export function errorEnvelope(error: ApiError, requestId?: string) {
  return {
    error: error.error,
    ...error.fields,
    message: error.message,
    code: error.status,
    ...(error.details?.length ? { details: error.details } : {}),
    ...(requestId ? { request_id: requestId } : {}),
  };
}

/**
 * A response recorded earlier, sent again exactly (status, body, headers): the replay of an
 * idempotent request. Thrown so that it leaves through the exception filter whatever the route's
 * own status code.
 */
export class RecordedResponse extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string>,
  ) {
    super('recorded response');
  }
}

import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ApiError, NotFoundError, RecordedResponse, ServiceUnavailableError } from '@app/common';
import { Request, Response } from 'express';
import { sendError } from './error-envelope';

/** Error codes for Nest's own HTTP exceptions (routing, body size, health checks). */
const CODE_BY_STATUS: Record<number, string> = {
  400: 'invalid_request',
  401: 'invalid_token',
  403: 'insufficient_scope',
  404: 'not_found',
  405: 'invalid_request',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'service_unavailable',
};

/** PostgreSQL and driver signs that the database is unreachable (SQLSTATE classes 08 and 57P). */
const DATABASE_DOWN = /^(08...|57P0[1-3]|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE)$/;

/**
 * The one place a thrown error becomes a response: the envelope of API.md §3. An unexpected error
 * is logged with its request id and answered with a bare 500 that says nothing of its cause.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    if (response.headersSent) return;
    if (exception instanceof RecordedResponse) {
      for (const [name, value] of Object.entries(exception.headers)) response.setHeader(name, value);
      response.status(exception.status).json(exception.body);
      return;
    }
    sendError(request, response, this.toApiError(exception, request));
  }

  private toApiError(exception: unknown, request: Request): ApiError {
    if (exception instanceof ApiError) return exception;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === HttpStatus.NOT_FOUND) return new NotFoundError(`No route for ${request.method} ${request.path}.`);
      if (status < 500 && CODE_BY_STATUS[status]) {
        return new ApiError(status, CODE_BY_STATUS[status], plainMessage(exception));
      }
    }
    const code = String((exception as { code?: unknown })?.code ?? '');
    if (DATABASE_DOWN.test(code) || /Connection terminated|connect ECONNREFUSED/.test(String((exception as Error)?.message))) {
      this.logger.warn({ requestId: request.id, code }, 'Database unavailable');
      return new ServiceUnavailableError();
    }
    this.logger.error({ requestId: request.id, err: exception }, 'Unhandled error');
    return new ApiError(500, 'server_error', 'An internal error occurred. Quote the request_id to support.');
  }
}

function plainMessage(exception: HttpException): string {
  const body = exception.getResponse();
  const message = typeof body === 'object' && body !== null && 'message' in body ? (body as { message: unknown }).message : body;
  return Array.isArray(message) ? message.join('; ') : String(message);
}

import { applyDecorators, CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { ApiError, AppConfig, errorEnvelope, RecordedResponse } from '@app/common';
import { Propagation, TransactionHost } from '@nestjs-cls/transactional';
import { ApiExtension } from '@nestjs/swagger';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Request, Response } from 'express';
import { from, lastValueFrom, Observable } from 'rxjs';
import { checkedIdempotencyKey, lockId, requestFingerprint } from './idempotency-key';
import { IdempotencyRecord } from './idempotency-record.entity';

export const SKIP_IDEMPOTENCY = 'nxt:skip-idempotency';
/** OpenAPI extension marking the operations that take no Idempotency-Key (the document builder reads it). */
export const NO_IDEMPOTENCY_EXTENSION = 'x-no-idempotency-key';

/** For the one POST that needs no Idempotency-Key: the OAuth token endpoint (API.md §4). */
export const SkipIdempotency = () => applyDecorators(SetMetadata(SKIP_IDEMPOTENCY, true), ApiExtension(NO_IDEMPOTENCY_EXTENSION, true));

/** Refusals that are the request's answer and are replayed; everything else may be retried (API.md §5). */
const RECORDED_ERROR_STATUSES = new Set([409, 422]);

interface Outcome {
  status: number;
  body: unknown;
  error?: ApiError;
}

/**
 * Idempotency-Key on every POST under /api/v1 (API.md §5). The whole request runs in one database
 * transaction that also writes the record of its response, so after a crash either both exist or
 * neither does. Concurrent requests with one key are serialized by a transaction-scoped advisory
 * lock: the first runs, the others answer 409 `request_in_progress` at once, and any later one sees
 * the committed record. This holds across any number of service processes.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly config: AppConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    if (request.method !== 'POST' || !request.path.startsWith('/api/v1/')) return next.handle();
    if (this.reflector.getAllAndOverride<boolean>(SKIP_IDEMPOTENCY, [context.getHandler(), context.getClass()])) return next.handle();
    const key = checkedIdempotencyKey(request.headers['idempotency-key']);
    const organizationId = (request.user as { organization: { id: string } }).organization.id;
    const routeStatus = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? 201;
    return from(this.run(request, context.switchToHttp().getResponse<Response>(), next, { key, organizationId, routeStatus }));
  }

  private async run(
    request: Request,
    response: Response,
    next: CallHandler,
    { key, organizationId, routeStatus }: { key: string; organizationId: string; routeStatus: number },
  ): Promise<unknown> {
    const fingerprint = requestFingerprint(request.method, request.path, request.rawBody);
    const outcome = await this.txHost.withTransaction(async (): Promise<Outcome> => {
      const records = this.txHost.tx.getRepository(IdempotencyRecord);
      const [{ locked }] = (await this.txHost.tx.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [
        lockId(organizationId, key),
      ])) as {
        locked: boolean;
      }[];
      if (!locked) {
        throw new ApiError(409, 'request_in_progress', 'A request with this Idempotency-Key is still being processed; retry shortly.', {
          headers: { 'Retry-After': '1' },
        });
      }
      const existing = await records.findOneBy({ organizationId, key });
      if (existing && existing.expiresAt.getTime() > Date.now()) {
        if (existing.fingerprint !== fingerprint) throw new ApiError(409, 'invalid_request', 'The idempotency key has already been used.');
        if (existing.responseStatus !== routeStatus) {
          throw new RecordedResponse(existing.responseStatus, existing.responseBody, { 'Idempotent-Replayed': 'true' });
        }
        response.setHeader('Idempotent-Replayed', 'true');
        return { status: existing.responseStatus, body: existing.responseBody };
      }
      if (existing) await records.delete({ organizationId, key });

      let outcome: Outcome;
      try {
        // A savepoint: a refused request's partial effects are undone, its answer is still recorded.
        const body = await this.txHost.withTransaction(Propagation.Nested, () => lastValueFrom(next.handle(), { defaultValue: undefined }));
        outcome = { status: routeStatus, body };
      } catch (error) {
        if (!(error instanceof ApiError) || !RECORDED_ERROR_STATUSES.has(error.status)) throw error;
        outcome = { status: error.status, body: errorEnvelope(error, request.id ? String(request.id) : undefined), error };
      }
      const now = new Date();
      await records.insert({
        organizationId,
        key,
        fingerprint,
        responseStatus: outcome.status,
        responseBody: (outcome.body ?? null) as object | null,
        createdAt: now,
        expiresAt: new Date(now.getTime() + this.config.idempotencyTtlHours * 3_600_000),
      });
      return outcome;
    });
    if (outcome.error) throw outcome.error; // after the record committed
    return outcome.body;
  }
}

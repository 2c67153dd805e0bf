import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { UnsupportedMediaTypeError } from '@app/common';
import { Request } from 'express';
import { Observable } from 'rxjs';

export const CONSUMES = 'nxt:consumes';

/** Media types a route's body may have; routes that say nothing take `application/json`. */
export const Consumes = (...mediaTypes: string[]) => SetMetadata(CONSUMES, mediaTypes);

/** 415 for a request body of a media type the route does not take. A body-less request passes. */
@Injectable()
export class ConsumesInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    const hasBody = Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
    if (hasBody) {
      const accepted = this.reflector.getAllAndOverride<string[] | undefined>(CONSUMES, [context.getHandler(), context.getClass()]) ?? [
        'application/json',
      ];
      const mediaType = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      if (!accepted.includes(mediaType)) throw new UnsupportedMediaTypeError(accepted);
    }
    return next.handle();
  }
}

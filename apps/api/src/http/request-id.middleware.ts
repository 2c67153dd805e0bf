import { randomBytes } from 'node:crypto';
import { NextFunction, Request, Response } from 'express';

/** A client-chosen id is kept when it is short and plain enough to be logged and echoed safely. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Gives every request an id (the client's `X-Request-Id` if sane) and echoes it on the response. */
export function requestIdMiddleware(request: Request, response: Response, next: NextFunction): void {
  const offered = request.header('x-request-id');
  const id = offered && SANE_REQUEST_ID.test(offered) ? offered : `req_${randomBytes(12).toString('hex')}`;
  request.id = id;
  response.setHeader('X-Request-Id', id);
  next();
}

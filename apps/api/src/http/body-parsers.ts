import { ApiError, InvalidRequestError, PayloadTooLargeError, UnsupportedMediaTypeError } from '@app/common';
import { json, NextFunction, Request, Response, urlencoded } from 'express';
import { sendError } from './error-envelope';

export const JSON_BODY_LIMIT = '1mb';

/** Keeps the bytes exactly as received: digests and signatures are checked on them, never on a re-serialisation. */
function keepRawBody(request: Request, _response: Response, buffer: Buffer): void {
  request.rawBody = buffer;
}

/** The parsers, then a handler that turns their errors into the error envelope. */
export const bodyParsers = [
  json({ limit: JSON_BODY_LIMIT, verify: keepRawBody }),
  urlencoded({ limit: '64kb', extended: false, verify: keepRawBody }),
  function bodyParserErrors(error: unknown, request: Request, response: Response, next: NextFunction): void {
    const type = (error as { type?: string }).type;
    if (type === 'entity.too.large') return sendError(request, response, new PayloadTooLargeError());
    if (type === 'entity.parse.failed') return sendError(request, response, new InvalidRequestError('The request body is not valid JSON.'));
    if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
      return sendError(request, response, new UnsupportedMediaTypeError(['UTF-8 encoded JSON']));
    }
    if (error instanceof ApiError) return sendError(request, response, error);
    next(error);
  },
];

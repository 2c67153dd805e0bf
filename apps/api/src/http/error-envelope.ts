import { ApiError, errorEnvelope } from '@app/common';
import { Request, Response } from 'express';

/** Writes the error envelope of API.md §3 for `error`. The one place an error response is written. */
export function sendError(request: Request, response: Response, error: ApiError): void {
  for (const [name, value] of Object.entries(error.headers)) response.setHeader(name, value);
  response.status(error.status).json(errorEnvelope(error, request.id ? String(request.id) : undefined));
}

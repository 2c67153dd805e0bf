import { ApiError, ErrorDetail } from '@app/common';
import { Request, Response } from 'express';

/** Writes the error envelope of API.md §3 for `error`. The one place an error body is written. */
export function sendError(request: Request, response: Response, error: ApiError): void {
  for (const [name, value] of Object.entries(error.headers)) response.setHeader(name, value);
  const body: { error: string; message: string; code: number; details?: ErrorDetail[]; request_id?: string } = {
    error: error.error,
    message: error.message,
    code: error.status,
  };
  if (error.details?.length) body.details = error.details;
  if (request.id) body.request_id = String(request.id);
  response.status(error.status).json(body);
}

import { ArgumentsHost, Logger, NotFoundException } from '@nestjs/common';
import { InvalidRequestError } from '@app/common';
import { ApiExceptionFilter } from './api-exception.filter';

function capture(exception: unknown) {
  const sent: { status?: number; body?: Record<string, unknown>; headers: Record<string, string> } = { headers: {} };
  const response = {
    headersSent: false,
    setHeader: (name: string, value: string) => (sent.headers[name] = value),
    status(code: number) {
      sent.status = code;
      return this;
    },
    json: (body: Record<string, unknown>) => (sent.body = body),
  };
  const request = { id: 'req_test', method: 'GET', path: '/api/v1/x' };
  const host = { switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }) } as unknown as ArgumentsHost;
  new ApiExceptionFilter().catch(exception, host);
  return sent;
}

describe('ApiExceptionFilter', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('answers an unexpected error with a bare 500 that reveals nothing', () => {
    const error = new Error('duplicate key value violates unique constraint "IDX_secret" at /srv/app/libs/x.ts:12');
    const sent = capture(error);
    expect(sent.status).toBe(500);
    expect(sent.body).toEqual({
      error: 'server_error',
      message: 'An internal error occurred. Quote the request_id to support.',
      code: 500,
      request_id: 'req_test',
    });
  });

  it('passes an ApiError through with its details', () => {
    const sent = capture(new InvalidRequestError('Bad.', [{ field: 'amount', message: 'must be a string' }]));
    expect(sent.status).toBe(400);
    expect(sent.body).toEqual({
      error: 'invalid_request',
      message: 'Bad.',
      code: 400,
      details: [{ field: 'amount', message: 'must be a string' }],
      request_id: 'req_test',
    });
  });

  it('maps an unreachable database to 503 with Retry-After', () => {
    const sent = capture(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }));
    expect(sent.status).toBe(503);
    expect(sent.body).toMatchObject({ error: 'service_unavailable', code: 503 });
    expect(sent.headers['Retry-After']).toBe('5');
  });

  it('maps an unknown route to not_found', () => {
    const sent = capture(new NotFoundException('Cannot GET /api/v1/x'));
    expect(sent.body).toMatchObject({ error: 'not_found', code: 404, message: 'No route for GET /api/v1/x.' });
  });
});

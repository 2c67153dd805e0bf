import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Request } from 'express';
import { Strategy } from 'passport-http-bearer';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { Principal } from '../principal';

export const API_KEY_STRATEGY = 'api-key';

/**
 * `Authorization: Bearer nxt_…`. passport-http-bearer would also take a token from the query string
 * or the body; API.md §4 accepts credentials only in the header, so the strategy sees neither.
 */
@Injectable()
export class ApiKeyStrategy extends PassportStrategy(Strategy, API_KEY_STRATEGY) {
  constructor(private readonly apiKeys: ApiKeysService) {
    super();
  }

  override authenticate(req: Request, options?: object): void {
    const headerOnly = Object.create(req, { query: { value: {} }, body: { value: {} } }) as Request;
    super.authenticate(headerOnly, options);
  }

  async validate(token: string): Promise<Principal | false> {
    return (await this.apiKeys.authenticate(token)) ?? false;
  }
}

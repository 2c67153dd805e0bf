import { ExecutionContext } from '@nestjs/common';
import { AppConfig } from '@app/common';
import { Reflector } from '@nestjs/core';
import { AUTH_REQUIREMENT } from '../decorators/auth.decorator';
import { IS_PUBLIC } from '../decorators/public.decorator';
import { Principal } from '../principal';
import { AccessGuard } from './access.guard';

const principal = (overrides: Partial<Principal> = {}): Principal => ({
  id: 'key_x',
  type: 'api_key',
  name: 'k',
  organization: { id: 'org_x', name: 'o', kycStatus: 'verified' },
  scopes: ['treasury:read'],
  roles: ['operator'],
  supervisorApproved: true,
  tokenBinding: null,
  ...overrides,
});

function context(metadata: Record<string, unknown>, method: string, user: Principal): ExecutionContext {
  const handler = () => undefined;
  for (const [key, value] of Object.entries(metadata)) Reflect.defineMetadata(key, value, handler);
  return {
    getHandler: () => handler,
    getClass: () => class {},
    switchToHttp: () => ({ getRequest: () => ({ method, user }) }),
  } as unknown as ExecutionContext;
}

describe('AccessGuard', () => {
  const guard = new AccessGuard(new Reflector(), { kycEnforcement: 'money_movement' } as AppConfig);

  it('denies a route that declares neither @Public nor @Auth', () => {
    expect(() => guard.canActivate(context({}, 'GET', principal()))).toThrow(expect.objectContaining({ error: 'insufficient_scope' }));
  });

  it('lets public routes through', () => {
    expect(guard.canActivate(context({ [IS_PUBLIC]: true }, 'GET', principal()))).toBe(true);
  });

  it('requires every listed scope', () => {
    const route = { [AUTH_REQUIREMENT]: { scopes: ['treasury:read', 'wallets:write'] } };
    expect(() => guard.canActivate(context(route, 'POST', principal()))).toThrow(/wallets:write/);
    expect(guard.canActivate(context(route, 'POST', principal({ scopes: ['treasury:read', 'wallets:write'] })))).toBe(true);
  });

  it('lets an unapproved credential read but not write', () => {
    const unapproved = principal({ supervisorApproved: false, scopes: ['treasury:read', 'wallets:write'] });
    expect(guard.canActivate(context({ [AUTH_REQUIREMENT]: { scopes: ['treasury:read'] } }, 'GET', unapproved))).toBe(true);
    for (const method of ['POST', 'PATCH', 'PUT', 'DELETE']) {
      expect(() => guard.canActivate(context({ [AUTH_REQUIREMENT]: { scopes: ['wallets:write'] } }, method, unapproved))).toThrow(
        /not supervisor-approved/,
      );
    }
  });
});

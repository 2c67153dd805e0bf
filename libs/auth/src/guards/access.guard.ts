import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppConfig, InsufficientScopeError, KycRequiredError } from '@app/common';
import { Request } from 'express';
import { AUTH_REQUIREMENT, AuthRequirement, KYC_EXEMPT, MOVES_MONEY } from '../decorators/auth.decorator';
import { IS_PUBLIC } from '../decorators/public.decorator';
import { Principal } from '../principal';

const READ_METHODS = new Set(['GET', 'HEAD']);

/**
 * Global, after authentication: the route's `@Auth(...)` scopes; for any write a supervisor-approved
 * credential (API.md §4: unapproved keys may call read-only endpoints only); and the KYC gate of
 * API.md §8. A route that declares neither `@Public()` nor `@Auth()` is refused to everyone.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly config: AppConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const requirement = this.reflector.getAllAndOverride<AuthRequirement | undefined>(AUTH_REQUIREMENT, targets);
    if (!requirement) throw new InsufficientScopeError('This endpoint is not open to any credential.');

    const request = context.switchToHttp().getRequest<Request>();
    const principal = request.user as Principal;
    const missing = requirement.scopes.filter((scope) => !principal.scopes.includes(scope));
    if (missing.length > 0) {
      throw new InsufficientScopeError(`This credential lacks the scope ${missing.join(', ')}.`);
    }
    if (!READ_METHODS.has(request.method) && !principal.supervisorApproved) {
      throw new InsufficientScopeError('This credential is not supervisor-approved; it may call read-only endpoints only.');
    }
    if (principal.organization.kycStatus !== 'verified' && this.kycGates(targets)) throw new KycRequiredError();
    return true;
  }

  private kycGates(targets: Function[]): boolean {
    switch (this.config.kycEnforcement) {
      case 'off':
        return false;
      case 'money_movement':
        return this.reflector.getAllAndOverride<boolean>(MOVES_MONEY, targets) === true;
      case 'strict':
        return this.reflector.getAllAndOverride<boolean>(KYC_EXEMPT, targets) !== true;
    }
  }
}

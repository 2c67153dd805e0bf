import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InsufficientScopeError } from '@app/common';
import { Request } from 'express';
import { AUTH_REQUIREMENT, AuthRequirement } from '../decorators/auth.decorator';
import { IS_PUBLIC } from '../decorators/public.decorator';
import { Principal } from '../principal';

const READ_METHODS = new Set(['GET', 'HEAD']);

/**
 * Global, after authentication: the route's `@Auth(...)` scopes, and for any write a
 * supervisor-approved credential (API.md §4: unapproved keys may call read-only endpoints only).
 * A route that declares neither `@Public()` nor `@Auth()` is refused to everyone.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

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
    return true;
  }
}

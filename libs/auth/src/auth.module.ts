import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { AuditModule } from '@app/audit';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiKey } from './api-keys/api-key.entity';
import { ApiKeysService } from './api-keys/api-keys.service';
import { AccessGuard } from './guards/access.guard';
import { AuthenticationGuard } from './guards/authentication.guard';
import { Organization } from './organizations/organization.entity';
import { OrganizationsService } from './organizations/organizations.service';
import { AccessTokenAuthenticator } from './oauth/access-token.authenticator';
import { OAuthClient } from './oauth/oauth-client.entity';
import { OAuthClientsService } from './oauth/oauth-clients.service';
import { ReplayStore } from './oauth/replay-store';
import { ServerSigningKey } from './oauth/server-key.entity';
import { ServerKeysService } from './oauth/server-keys.service';
import { TokenService } from './oauth/token.service';
import { UsedJti } from './oauth/used-jti.entity';
import { ApiKeyStrategy } from './strategies/api-key.strategy';

const OAUTH = [OAuthClientsService, ServerKeysService, ReplayStore, TokenService, AccessTokenAuthenticator];

/** Organizations, principals and their credentials: API keys, and OAuth clients with the authorization server. */
@Module({
  imports: [TypeOrmModule.forFeature([Organization, ApiKey, OAuthClient, ServerSigningKey, UsedJti]), AuditModule],
  providers: [OrganizationsService, ApiKeysService, ...OAUTH],
  exports: [OrganizationsService, ApiKeysService, ...OAUTH],
})
export class AuthModule {}

/**
 * The request side: the passport strategy and the two guards that `configureApp` installs globally
 * (authentication, then access). Imported by the HTTP app only; the CLI has no requests to guard.
 */
@Module({
  imports: [AuthModule, PassportModule],
  providers: [ApiKeyStrategy, AuthenticationGuard, AccessGuard],
  exports: [AuthModule, AuthenticationGuard, AccessGuard],
})
export class AuthGuardsModule {}

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
import { ApiKeyStrategy } from './strategies/api-key.strategy';

/** Organizations, principals and their credentials. */
@Module({
  imports: [TypeOrmModule.forFeature([Organization, ApiKey]), AuditModule],
  providers: [OrganizationsService, ApiKeysService],
  exports: [OrganizationsService, ApiKeysService],
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

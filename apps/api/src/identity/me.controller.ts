import { Controller, Get } from '@nestjs/common';
import { Auth, CurrentPrincipal, KycExempt, Principal } from '@app/auth';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IdentityDto } from './dto/identity.dto';

@ApiTags('identity')
@Controller('api/v1/me')
export class MeController {
  /** The authenticated identity: who is calling, for which organization, with which scopes and roles. */
  @Get()
  @Auth()
  @KycExempt()
  @ApiOkResponse({ type: IdentityDto })
  me(@CurrentPrincipal() principal: Principal): IdentityDto {
    return {
      object: 'identity',
      id: principal.id,
      type: principal.type,
      name: principal.name,
      organization: { id: principal.organization.id, name: principal.organization.name, kyc_status: principal.organization.kycStatus },
      scopes: principal.scopes,
      roles: principal.roles,
      supervisor_approved: principal.supervisorApproved,
      token_binding: principal.tokenBinding,
    };
  }
}

import { ApiProperty } from '@nestjs/swagger';

export class IdentityOrganizationDto {
  /** `org_…` */
  id!: string;
  name!: string;
  @ApiProperty({ enum: ['verified', 'pending', 'unverified', 'rejected'] })
  kyc_status!: string;
}

/** The authenticated caller. */
export class IdentityDto {
  @ApiProperty({ enum: ['identity'] })
  object!: 'identity';
  /** The principal: `key_…` for an API key, `cli_…` for an OAuth client. */
  id!: string;
  @ApiProperty({ enum: ['api_key', 'oauth_client'] })
  type!: 'api_key' | 'oauth_client';
  name!: string;
  organization!: IdentityOrganizationDto;
  @ApiProperty({ type: [String], example: ['treasury:read', 'transfers:write'] })
  scopes!: string[];
  @ApiProperty({ type: [String], example: ['operator'] })
  roles!: string[];
  /** Whether a supervisor approved this credential; unapproved credentials may only read. */
  supervisor_approved!: boolean;
  /** How the access token is bound to its holder; null for API keys. */
  @ApiProperty({ enum: ['dpop', 'mtls'], nullable: true, type: String })
  token_binding!: 'dpop' | 'mtls' | null;
}

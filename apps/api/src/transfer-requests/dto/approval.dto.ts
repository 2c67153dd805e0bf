import { ApprovalView } from '@app/payments';
import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** The verified RFC 9421 signature of an approval: enough for anyone to re-verify it later. */
export class SignatureEvidenceDto {
  keyid!: string;
  @ApiProperty({ enum: ['ed25519', 'ecdsa-p256-sha256', 'rsa-pss-sha512'] })
  alg!: string;
  /** The supervisor's public key. */
  @ApiProperty({ type: 'object', additionalProperties: true })
  public_jwk!: object;
  /** The verified Signature-Input member, `label=(...);created=…;keyid=…`. */
  signature_input!: string;
  /** The Signature member, `label=:base64:`. */
  signature!: string;
  /** The exact RFC 9421 signature base that was verified. */
  signature_base!: string;
  /** The RFC 9530 Content-Digest of the body. */
  content_digest!: string;
  /** The request body exactly as received. */
  body!: string;
}

export class ApprovalDto implements ApprovalView {
  @ApiProperty({ enum: ['approval'] })
  object!: 'approval';
  /** `apr_…` */
  id!: string;
  @ApiProperty({ enum: ['approved', 'rejected'] })
  decision!: 'approved' | 'rejected';
  /** The supervisor. */
  principal_id!: string;
  @ApiProperty({ type: String, nullable: true })
  comment!: string | null;
  /** Present on approvals (a rejection needs no signature). */
  @ApiProperty({ type: SignatureEvidenceDto, nullable: true })
  evidence!: object | null;
  @ApiProperty({ format: 'date-time' })
  created_at!: string;
}

export class ApproveRequestDto {
  /** The request's `request_digest` as you reviewed it; a mismatch is a 409. */
  @ApiProperty({ example: 'sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:' })
  @IsString()
  @MaxLength(100)
  request_digest!: string;

  /** Why, for the record. */
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  comment?: string;
}

export class RejectRequestDto {
  /** Why, for the record. */
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  comment?: string;
}

import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SignedApprovalInterceptor } from './signed-approval.interceptor';
import { SigningKey } from './signing-key.entity';
import { SigningKeysService } from './signing-keys.service';

@Module({
  imports: [TypeOrmModule.forFeature([SigningKey]), AuditModule],
  providers: [SigningKeysService, SignedApprovalInterceptor],
  exports: [SigningKeysService, SignedApprovalInterceptor],
})
export class SignaturesModule {}

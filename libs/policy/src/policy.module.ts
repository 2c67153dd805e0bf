import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationPolicy } from './organization-policy.entity';
import { PolicyService } from './policy.service';

@Module({
  imports: [TypeOrmModule.forFeature([OrganizationPolicy])],
  providers: [PolicyService],
  exports: [PolicyService],
})
export class PolicyModule {}

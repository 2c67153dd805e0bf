import { Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { LedgerModule } from '@app/ledger';
import { SandboxSeeder } from './sandbox-seeder';

@Module({ imports: [AuthModule, LedgerModule], providers: [SandboxSeeder], exports: [SandboxSeeder] })
export class SandboxModule {}

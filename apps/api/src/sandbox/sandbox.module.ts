import { Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { LedgerModule } from '@app/ledger';
import { SignaturesModule } from '@app/signatures';
import { SandboxSeeder } from './sandbox-seeder';

@Module({ imports: [AuthModule, LedgerModule, SignaturesModule], providers: [SandboxSeeder], exports: [SandboxSeeder] })
export class SandboxModule {}

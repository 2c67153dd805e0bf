import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { LedgerModule } from '@app/ledger';
import { PolicyModule } from '@app/policy';
import { SettlementModule } from '@app/settlement';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TransferExecution } from './transfers/transfer-execution';
import { TransferRequest } from './transfers/transfer-request.entity';
import { TransferRequestsService } from './transfers/transfer-requests.service';

/** Money-moving requests: acceptance, risk, holds, and their settlement. */
@Module({
  imports: [TypeOrmModule.forFeature([TransferRequest]), LedgerModule, PolicyModule, SettlementModule, AuditModule],
  providers: [TransferRequestsService, TransferExecution],
  exports: [TransferRequestsService, TransferExecution],
})
export class PaymentsModule {}

import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { LedgerModule } from '@app/ledger';
import { PolicyModule } from '@app/policy';
import { SettlementModule } from '@app/settlement';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Approval } from './approvals/approval.entity';
import { ApprovalsService } from './approvals/approvals.service';
import { TransferExecution } from './transfers/transfer-execution';
import { TransferRequest } from './transfers/transfer-request.entity';
import { TransferRequestsService } from './transfers/transfer-requests.service';

/** Money-moving requests: acceptance, risk, holds, and their settlement. */
@Module({
  imports: [TypeOrmModule.forFeature([TransferRequest, Approval]), LedgerModule, PolicyModule, SettlementModule, AuditModule],
  providers: [TransferRequestsService, TransferExecution, ApprovalsService],
  exports: [TransferRequestsService, TransferExecution, ApprovalsService],
})
export class PaymentsModule {}

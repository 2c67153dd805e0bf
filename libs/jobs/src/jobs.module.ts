import { Module } from '@nestjs/common';
import { IdempotencyModule } from '@app/idempotency';
import { PaymentsModule } from '@app/payments';
import { WorkerService } from './worker.service';

@Module({ imports: [PaymentsModule, IdempotencyModule], providers: [WorkerService], exports: [WorkerService] })
export class JobsModule {}

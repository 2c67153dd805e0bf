import { Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { IdempotencyModule } from '@app/idempotency';
import { PaymentsModule } from '@app/payments';
import { WorkerService } from './worker.service';

@Module({ imports: [PaymentsModule, IdempotencyModule, AuthModule], providers: [WorkerService], exports: [WorkerService] })
export class JobsModule {}

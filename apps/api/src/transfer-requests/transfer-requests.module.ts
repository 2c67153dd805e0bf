import { Module } from '@nestjs/common';
import { PaymentsModule } from '@app/payments';
import { TransferRequestsController } from './transfer-requests.controller';

@Module({ imports: [PaymentsModule], controllers: [TransferRequestsController] })
export class TransferRequestsModule {}

import { Module } from '@nestjs/common';
import { PaymentsModule } from '@app/payments';
import { SignaturesModule } from '@app/signatures';
import { TransferRequestsController } from './transfer-requests.controller';

@Module({ imports: [PaymentsModule, SignaturesModule], controllers: [TransferRequestsController] })
export class TransferRequestsModule {}

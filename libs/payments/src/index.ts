export * from './payments.module';
export * from './shared/actor';
export * from './shared/request-digest';
export * from './transfers/transfer-execution';
export * from './transfers/transfer-request.entity';
export * from './transfers/transfer-request.view';
export * from './transfers/transfer-requests.service';

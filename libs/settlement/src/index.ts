export * from './price-source';
export * from './settlement-adapter';
export * from './settlement.module';
export * from './simulated-network';
export * from './simulated-price-source';

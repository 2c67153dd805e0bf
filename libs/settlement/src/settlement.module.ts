import { Module } from '@nestjs/common';
import { PRICE_SOURCE } from './price-source';
import { SETTLEMENT_ADAPTER } from './settlement-adapter';
import { SimulatedEvmNetwork } from './simulated-network';
import { SimulatedPriceSource } from './simulated-price-source';

/** The settlement network and the price source, each behind an injection token (simulated by default). */
@Module({
  providers: [
    { provide: SETTLEMENT_ADAPTER, useClass: SimulatedEvmNetwork },
    { provide: PRICE_SOURCE, useClass: SimulatedPriceSource },
  ],
  exports: [SETTLEMENT_ADAPTER, PRICE_SOURCE],
})
export class SettlementModule {}

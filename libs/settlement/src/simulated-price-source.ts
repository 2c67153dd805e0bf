import { Injectable } from '@nestjs/common';
import { BusinessRuleError, Money } from '@app/common';
import { PriceSource } from './price-source';

/** Fixed reference prices (simulated, see README): stablecoins at their peg, ETH at 3,000 USD. */
const USD_PRICES: Record<string, string> = { USDC: '1', USDT: '1', PYUSD: '1', EURC: '1.08', ETH: '3000' };

@Injectable()
export class SimulatedPriceSource implements PriceSource {
  async usdPrice(currency: string): Promise<Money> {
    const price = USD_PRICES[currency];
    if (price === undefined) throw new BusinessRuleError('unsupported_asset', `No USD price for ${currency}.`);
    return new Money(price);
  }
}

import { Money } from '@app/common';

/** USD prices of assets, for risk limits and swap quotes. Provide another under PRICE_SOURCE to use a real feed. */
export interface PriceSource {
  /** The USD value of one unit of `currency`. Throws for an asset it does not price. */
  usdPrice(currency: string): Promise<Money>;
}

export const PRICE_SOURCE = Symbol('PRICE_SOURCE');

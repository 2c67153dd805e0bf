import { Injectable, OnModuleInit } from '@nestjs/common';
import { amountProblem, BusinessRuleError, InvalidRequestError } from '@app/common';
import { DataSource } from 'typeorm';
import { Asset } from './asset.entity';
import { Chain } from './chain.entity';

/**
 * The asset and chain catalogue, read once at start (it changes only by migration). Adding an asset
 * or a chain is a row, not code.
 */
@Injectable()
export class CatalogService implements OnModuleInit {
  private assets = new Map<string, Asset>();
  private chains = new Map<string, Chain>();

  constructor(private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    const [assets, chains] = await Promise.all([
      this.dataSource.getRepository(Asset).find({ order: { code: 'ASC' } }),
      this.dataSource.getRepository(Chain).find({ order: { code: 'ASC' } }),
    ]);
    this.assets = new Map(assets.map((asset) => [asset.code, asset]));
    this.chains = new Map(chains.map((chain) => [chain.code, chain]));
  }

  chainCodes(): string[] {
    return [...this.chains.keys()];
  }

  assetCodes(): string[] {
    return [...this.assets.keys()];
  }

  /** The chain, or 400 naming `field`. */
  chain(code: string, field = 'chain'): Chain {
    const chain = this.chains.get(code);
    if (!chain) {
      throw new InvalidRequestError(`Unknown chain "${code}".`, [{ field, message: `must be one of ${this.chainCodes().join(', ')}` }]);
    }
    return chain;
  }

  /** The asset, or 422 `unsupported_asset`. */
  asset(code: string): Asset {
    const asset = this.assets.get(code);
    if (!asset)
      throw new BusinessRuleError('unsupported_asset', `The asset "${code}" is not supported. Supported: ${this.assetCodes().join(', ')}.`);
    return asset;
  }

  /** Checks `amount` against the asset's decimals; 400 naming `field` when it does not fit. */
  checkAmount(asset: Asset, amount: unknown, field = 'amount'): string {
    const problem = amountProblem(amount, asset.decimals);
    if (problem)
      throw new InvalidRequestError(`Invalid ${field}.`, [{ field, message: `${problem} (${asset.code} has ${asset.decimals} decimals)` }]);
    return amount as string;
  }
}

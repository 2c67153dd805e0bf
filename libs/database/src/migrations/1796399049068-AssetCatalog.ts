import { MigrationInterface, QueryRunner } from 'typeorm';

/** The seeded catalogue (API.md §2): five EVM chains, four 6-decimal stablecoins and ETH. */
export class AssetCatalog1796399049068 implements MigrationInterface {
  name = 'AssetCatalog1796399049068';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      INSERT INTO "chains" ("code", "name", "chain_id") VALUES
        ('ethereum', 'Ethereum', 1),
        ('optimism', 'OP Mainnet', 10),
        ('polygon', 'Polygon PoS', 137),
        ('base', 'Base', 8453),
        ('arbitrum', 'Arbitrum One', 42161)
    `);
    await queryRunner.query(`
      INSERT INTO "assets" ("code", "name", "decimals") VALUES
        ('USDC', 'USD Coin', 6),
        ('USDT', 'Tether USD', 6),
        ('EURC', 'Euro Coin', 6),
        ('PYUSD', 'PayPal USD', 6),
        ('ETH', 'Ether', 18)
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "assets" WHERE "code" IN ('USDC', 'USDT', 'EURC', 'PYUSD', 'ETH')`);
    await queryRunner.query(`DELETE FROM "chains" WHERE "code" IN ('ethereum', 'optimism', 'polygon', 'base', 'arbitrum')`);
  }
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A currency the treasury holds (configuration, seeded by a migration). */
@Entity('assets')
export class Asset {
  /** Ticker, e.g. `USDC`. */
  @PrimaryColumn({ type: 'varchar', length: 16 })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  /** Decimal places of the smallest unit; amounts may not have more. */
  @Column({ type: 'integer' })
  decimals!: number;
}

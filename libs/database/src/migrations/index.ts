import { Foundation1796399049067 } from './1796399049067-Foundation';
import { AssetCatalog1796399049068 } from './1796399049068-AssetCatalog';
import { MoneyMovement1796400723880 } from './1796400723880-MoneyMovement';
import { Approvals1796402710241 } from './1796402710241-Approvals';
import { OAuth1796403518785 } from './1796403518785-OAuth';

/**
 * Every migration, in order. `npm run migration:generate -- libs/database/src/migrations/<Name>`
 * writes a new file; add its class here (an explicit list works the same under ts-jest, ts-node
 * and the compiled build, where a glob would not).
 */
export const MIGRATIONS: Function[] = [
  Foundation1796399049067,
  AssetCatalog1796399049068,
  MoneyMovement1796400723880,
  Approvals1796402710241,
  OAuth1796403518785,
];

import Decimal from 'decimal.js';

/**
 * Exact decimal arithmetic for money. Configured wide enough for `numeric(78, 18)` columns, with
 * exponent notation disabled so `toFixed()` never prints `1e+21`. Never use `number` for money.
 */
export const Money = Decimal.clone({ precision: 100, rounding: Decimal.ROUND_DOWN, toExpNeg: -100, toExpPos: 100 });
export type Money = InstanceType<typeof Money>;

/** A plain positive decimal: digits, an optional fraction, no sign, exponent or leading zeros. */
export const DECIMAL_STRING = /^(0|[1-9][0-9]*)(\.[0-9]+)?$/;

/** Largest integer part `numeric(78, 18)` holds. */
const MAX_INTEGER_DIGITS = 60;

/** Why `value` is not a valid amount of an asset with `decimals` places, or null when it is. */
export function amountProblem(value: unknown, decimals: number): string | null {
  if (typeof value !== 'string') return 'must be a decimal string such as "100" or "0.25", not a JSON number';
  if (!DECIMAL_STRING.test(value)) return 'must be a plain decimal string such as "100" or "0.25"';
  const [integer, fraction = ''] = value.split('.');
  if (integer.length > MAX_INTEGER_DIGITS) return 'is too large';
  if (fraction.replace(/0+$/, '').length > decimals) return `has more than ${decimals} decimal places`;
  if (new Money(value).lte(0)) return 'must be greater than 0';
  return null;
}

/** The canonical text of an amount: no exponent, no trailing fractional zeros ("100", "0.25"). */
export function formatAmount(value: Money | string): string {
  return new Money(value).toFixed();
}

import { amountProblem, formatAmount, Money } from './money';

describe('money', () => {
  it.each(['100', '0.25', '1.000000', '0.000001', '123456789012345678901234567890.5'])('accepts %s', (value) => {
    expect(amountProblem(value, 6)).toBeNull();
  });

  it.each([
    [100, 'not a JSON number'],
    ['1e3', 'plain decimal'],
    ['-1', 'plain decimal'],
    ['+1', 'plain decimal'],
    ['01', 'plain decimal'],
    ['.5', 'plain decimal'],
    ['1.', 'plain decimal'],
    [' 1', 'plain decimal'],
    ['0', 'greater than 0'],
    ['0.000', 'greater than 0'],
    ['0.0000001', 'more than 6 decimal places'],
    ['1'.repeat(61), 'too large'],
  ])('refuses %p', (value, why) => {
    expect(amountProblem(value, 6)).toContain(why);
  });

  it('is exact where binary floating point is not', () => {
    expect(formatAmount(new Money('0.1').plus('0.2'))).toBe('0.3');
    expect(formatAmount(new Money('1000000.000001').minus('0.000001'))).toBe('1000000');
    expect(formatAmount('123456789012345678901234567890.123456789012345678')).toBe('123456789012345678901234567890.123456789012345678');
  });

  it('prints canonical text from database numerics', () => {
    expect(formatAmount('1000000.000000000000000000')).toBe('1000000');
    expect(formatAmount('0.250000000000000000')).toBe('0.25');
  });
});

import { chinaDateTime, fenFromYuan, instantFromChina, yuanFromFen } from './alipay-pay-values';

describe('Alipay amounts', () => {
  it('turns fen into a two-decimal yuan string', () => {
    expect([0, 1, 7, 10, 1999, 12345, 987654321, -3].map(yuanFromFen)).toEqual(['0.00', '0.01', '0.07', '0.10', '19.99', '123.45', '9876543.21', '-0.03']);
    expect(() => yuanFromFen(1.5)).toThrow(RangeError);
  });

  it('reads yuan into fen exactly, where floating point would not', () => {
    expect(['19.99', '0.07', '1.1', '5', '-0.01', ' 2.30\t', '9876543.21'].map(fenFromYuan)).toEqual([1999, 7, 110, 500, -1, 230, 987654321]);
    expect(['1.234', '', 'abc', '1,00', undefined].map(fenFromYuan)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});

describe('Alipay times', () => {
  it('writes and reads China wall-clock time', () => {
    expect(chinaDateTime(new Date('2026-12-31T16:30:05Z'))).toBe('2027-01-01 00:30:05');
    expect(instantFromChina('2027-01-01 00:30:05')).toBe('2026-12-31T16:30:05.000Z');
    expect(instantFromChina('2027-01-01T00:30:05')).toBeUndefined();
    expect(instantFromChina(undefined)).toBeUndefined();
  });
});

import { creditCodeCheckCharacter, creditCodeProblem, isCreditCode, normalizeCreditCode } from './credit-code';

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts codes companies publish on their licences', () => {
    // 深圳市腾讯计算机系统有限公司 and 北京百度网讯科技有限公司, as printed on their business licences.
    expect(creditCodeProblem('91440300708461136T')).toBeNull();
    expect(creditCodeProblem('91110000802100433B')).toBeNull();
  });

  it('computes the check character with weights 3^i mod 31, including the 0 case', () => {
    expect(creditCodeCheckCharacter('91440300708461136')).toBe('T');
    // Find a prefix whose weighted sum is a multiple of 31: its check character is 0, not the 31st letter.
    const prefix = Array.from({ length: 31 }, (_, n) => `5210000MJ0000000${'0123456789ABCDEFGHJKLMNPQRTUWXY'[n]}`).find((p) => creditCodeCheckCharacter(p) === '0');
    expect(prefix).toBeDefined();
    expect(isCreditCode(`${prefix}0`)).toBe(true);
  });

  it('says what is wrong: length, a character never used, or the check character', () => {
    expect(creditCodeProblem('91440300708461136')).toBe('length');
    expect(creditCodeProblem('91440300708461136TT')).toBe('length');
    expect(creditCodeProblem('9144030070846113IT')).toBe('character');
    expect(creditCodeProblem('91440300708461136t')).toBe('character');
    expect(creditCodeProblem('91440300708461136U')).toBe('check');
    // One character changed anywhere is caught.
    expect(creditCodeProblem('91440300708461163T')).toBe('check');
  });

  it('reads a code as typed: spaces, hyphens and small letters', () => {
    expect(normalizeCreditCode(' 9144 0300-7084 6113 6t ')).toBe('91440300708461136T');
    expect(isCreditCode('9144 0300 7084 6113 6t')).toBe(true);
  });
});

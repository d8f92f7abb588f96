import { INVITE_CODE_PATTERN as DOMAIN_PATTERN, INVITE_PLATFORMS as DOMAIN_PLATFORMS } from '../../../domain/api/students';
import { INVITE_CODE_PATTERN, INVITE_PLATFORMS, parseInviteCode } from './code';

describe('invite codes', () => {
  it('match the domain', () => {
    expect(INVITE_CODE_PATTERN).toBe(DOMAIN_PATTERN);
    expect(INVITE_PLATFORMS).toEqual(DOMAIN_PLATFORMS);
  });

  it('reads a code typed, scanned or linked', () => {
    expect(parseInviteCode('abcd2345')).toBe('ABCD2345');
    expect(parseInviteCode(' ABCD-2345 ')).toBe('ABCD2345');
    expect(parseInviteCode('banxue://invite/ABCD2345')).toBe('ABCD2345');
    expect(parseInviteCode('https://x.test/pages/invite/index?code=ABCD2345')).toBe('ABCD2345');
    expect(parseInviteCode('banxue://invite/short')).toBeNull();
    expect(parseInviteCode('')).toBeNull();
    expect(parseInviteCode('hello world 12')).toBeNull();
  });
});

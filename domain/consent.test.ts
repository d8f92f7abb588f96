import { consentScopeCodes } from './consent';

describe('consentScopeCodes', () => {
  it('reads a list of scope codes, spaces allowed', () => {
    expect(consentScopeCodes('program,sponsor_profile, letters,photos')).toEqual(['program', 'sponsor_profile', 'letters', 'photos']);
  });

  it('leaves a scope written in words, or with an unknown code, as it is', () => {
    expect(consentScopeCodes('同意孩子参加一对一助学项目。')).toBeNull();
    expect(consentScopeCodes('program,video')).toBeNull();
    expect(consentScopeCodes('')).toBeNull();
  });
});

import { poolBlockersOf, type PoolFacts } from './student';

const ready: PoolFacts = {
  programStatus: 'active',
  age: 14,
  consentRequiredUnderAge: 18,
  consentActive: true,
  storyApproved: true,
  sponsored: false,
};

describe('poolBlockersOf', () => {
  it('lets an active student with consent and an approved story, held by no sponsorship, enter', () => {
    expect(poolBlockersOf(ready)).toEqual([]);
  });

  it('names every unmet condition at once', () => {
    expect(poolBlockersOf({ ...ready, programStatus: 'paused', consentActive: false, storyApproved: false, sponsored: true })).toEqual([
      'not_active',
      'consent_missing',
      'story_not_approved',
      'sponsorship_exists',
    ]);
  });

  it('asks for consent only under the NGO’s consent age', () => {
    expect(poolBlockersOf({ ...ready, consentActive: false, age: 17 })).toEqual(['consent_missing']);
    expect(poolBlockersOf({ ...ready, consentActive: false, age: 18 })).toEqual([]);
    expect(poolBlockersOf({ ...ready, consentActive: false, age: 15, consentRequiredUnderAge: 14 })).toEqual([]);
  });
});

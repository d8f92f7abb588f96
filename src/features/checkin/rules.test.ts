import { CHECKIN_KINDS as DOMAIN_KINDS } from '../../../domain/student';
import { CheckinBody, CHECKIN_NOTE_MAX as DOMAIN_NOTE_MAX } from '../../../domain/api/students';
import { CHECKIN_KINDS, CHECKIN_NOTE_MAX, MOODS } from './rules';

describe('check-in rules repeated on the client', () => {
  it('match the domain', () => {
    expect(CHECKIN_KINDS).toEqual(DOMAIN_KINDS);
    expect(CHECKIN_NOTE_MAX).toBe(DOMAIN_NOTE_MAX);
    const mood = CheckinBody.properties.mood as unknown as { minimum: number; maximum: number };
    expect([mood.minimum, mood.maximum]).toEqual([MOODS[0], MOODS[MOODS.length - 1]]);
  });
});

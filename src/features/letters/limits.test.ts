import * as domain from '../../../domain/letters';
import { LETTER_BODY_MAX, LETTER_PHOTOS_MAX } from './limits';

it('uses the same letter limits as the server', () => {
  expect(LETTER_BODY_MAX).toBe(domain.LETTER_BODY_MAX);
  expect(LETTER_PHOTOS_MAX).toBe(domain.LETTER_PHOTOS_MAX);
});

import { MAX_GIFT_FEN as DOMAIN_MAX_GIFT_FEN } from '../../../domain/api/statements';
import { MAX_GIFT_FEN } from './limits';

it('allows the same largest gift as the server', () => {
  expect(MAX_GIFT_FEN).toBe(DOMAIN_MAX_GIFT_FEN);
});

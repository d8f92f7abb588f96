import { RecordDisbursementBody, RecordPaymentBody } from '../../../domain/api/sponsorship';
import { DISBURSEMENT_CATEGORIES, MAX_AMOUNT_FEN, PAYEE_KINDS } from './categories';

const literalsOf = (schema: { anyOf: Array<{ const: string }> }) => schema.anyOf.map((s) => s.const);

it('uses the same disbursement categories, payee kinds and amount limit as the server', () => {
  expect([...DISBURSEMENT_CATEGORIES]).toEqual(literalsOf(RecordDisbursementBody.properties.category));
  expect([...PAYEE_KINDS]).toEqual(literalsOf(RecordDisbursementBody.properties.payeeKind));
  expect(MAX_AMOUNT_FEN).toBe(RecordDisbursementBody.properties.amountFen.maximum);
  expect(MAX_AMOUNT_FEN).toBe(RecordPaymentBody.properties.amountFen.maximum);
});

import { checkRequestForm, type RequestFormValues } from './rules';

const filled: RequestFormValues = {
  kind: 'delete',
  guardianName: ' 吉克拉哈 ',
  guardianRelation: '母亲',
  receivedVia: 'in_person',
  receivedOn: '2026-11-29',
  details: '',
};

it('turns a filled form into the request body, trimmed', () => {
  expect(checkRequestForm(filled, '2026-11-29')).toEqual({ body: { ...filled, guardianName: '吉克拉哈' } });
});

it('names each field that will not do, as the server would', () => {
  expect(checkRequestForm({ ...filled, kind: '', guardianName: '  ', receivedVia: '', receivedOn: '2026-02-30', details: 'x'.repeat(1001) }, '2026-11-29')).toEqual({
    errors: { kind: 'choose', guardianName: 'required', receivedVia: 'choose', receivedOn: 'not_a_date', details: 'too_long' },
  });
  expect(checkRequestForm({ ...filled, receivedOn: '2026-11-30' }, '2026-11-29')).toEqual({ errors: { receivedOn: 'future_date' } });
  expect(checkRequestForm({ ...filled, guardianRelation: '母'.repeat(31) }, '2026-11-29')).toEqual({ errors: { guardianRelation: 'too_long' } });
});

import { requestActions } from './guardian-requests';

test('an open request can be acted on or refused; a closed one not at all', () => {
  for (const kind of ['access', 'correct', 'delete'] as const) {
    expect(requestActions(kind, 'received')).toMatchObject({ act: true, refuse: true });
    for (const closed of ['completed', 'refused'] as const) expect(requestActions(kind, closed)).toEqual({ act: false, complete: false, refuse: false });
  }
});

test('access and correction requests are completed only once acted on; an erasure completes its own request', () => {
  expect(requestActions('access', 'received').complete).toBe(false);
  expect(requestActions('access', 'in_progress').complete).toBe(true);
  expect(requestActions('correct', 'in_progress').complete).toBe(true);
  expect(requestActions('delete', 'in_progress').complete).toBe(false);
});

import { logout } from '@/features/auth';
import { signIn, studentMe } from '@/test/fixtures';
import { failWith, mockApi, offline } from '@/test/http';
import * as Taro from '@/test/taro-mock';
import { kickOutbox, outbox, refusalMessage } from './taro-outbox';
import { OutboxRefusedError } from './core';

const STORAGE_KEY = 'banxue.outbox';

describe('the app’s outbox (over Taro)', () => {
  beforeEach(() => signIn(studentMe));

  it('persists a queued write in Taro storage and sends it with its key and the session', async () => {
    const sent = mockApi({ 'POST /api/student/checkins': { statusCode: 201, data: { id: 'c-1' } } });
    const item = outbox.enqueue({ kind: 'checkin', path: '/api/student/checkins', body: { kind: 'doing_well' }, label: 'x' });
    expect(JSON.parse(String(Taro.getStorageSync(STORAGE_KEY))).items[0]).toMatchObject({ id: item.id, ownerAccountId: studentMe.accountId });
    await kickOutbox();
    expect(sent).toHaveLength(1);
    expect(sent[0].header['Idempotency-Key']).toBe(item.idempotencyKey);
    expect(sent[0].header.Authorization).toMatch(/^Bearer /);
    expect(outbox.outcomeOf(item.id)).toBe('sent');
    expect(Taro.getStorageSync(STORAGE_KEY)).toBe('');
  });

  it('keeps it waiting offline, and marks a 4xx failed with the server’s message', async () => {
    mockApi({ 'POST /api/student/checkins': offline });
    const item = outbox.enqueue({ kind: 'checkin', path: '/api/student/checkins', body: { kind: 'doing_well' }, label: 'x' });
    await kickOutbox();
    expect(outbox.get(item.id)).toMatchObject({ status: 'pending', attempts: 1, errorCode: 'NETWORK' });

    mockApi({ 'POST /api/student/checkins': failWith(400, 'VALIDATION_FAILED', '心情只能是 1 到 5。') });
    outbox.wakeAll();
    await kickOutbox();
    expect(outbox.get(item.id)).toMatchObject({ status: 'failed', lastError: '心情只能是 1 到 5。' });
  });

  it('is emptied, in memory and on the device, when the person logs out', async () => {
    mockApi({ 'POST /api/student/checkins': offline, 'POST /api/auth/logout': { statusCode: 204 } });
    outbox.enqueue({ kind: 'checkin', path: '/api/student/checkins', body: { kind: 'busy_exams' }, label: 'x' });
    expect(Taro.getStorageSync(STORAGE_KEY)).not.toBe('');
    await logout();
    expect(outbox.getSnapshot().items).toHaveLength(0);
    expect(Taro.getStorageSync(STORAGE_KEY)).toBe('');
    expect(Taro.getStorageSync('banxue.session')).toBe('');
  });

  it('explains a refusal kindly', () => {
    expect(refusalMessage(new OutboxRefusedError('FULL'))).toContain('等待发送的内容太多了');
    expect(refusalMessage(new OutboxRefusedError('TOO_BIG'))).toContain('太大');
  });
});

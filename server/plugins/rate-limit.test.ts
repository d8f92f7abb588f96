import { createTestApp, type TestApp } from '../test/test-app';
import { insertWorld } from '../test/fixtures';
import { FAILURES_PER_ADDRESS, FAILURES_PER_USERNAME } from '../features/auth/password-throttle';

// Every attempt checks a scrypt hash (deliberately slow).
jest.setTimeout(60_000);

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await insertWorld(t.app.db, { password: 'correct horse battery' });
});
afterAll(() => t.close());

const passwordLogin = (app: TestApp['app'], username: string, password: string, ip: string) =>
  app.inject({ method: 'POST', url: '/api/auth/password', payload: { username, password }, remoteAddress: ip });

it('limits wrong passwords spread over usernames from one address', async () => {
  const usernames = ['cw-a', 'cw-a2', 'admin-a', 'cw-b', 'nobody'];
  const statuses: number[] = [];
  for (let i = 0; i < 10; i++) statuses.push((await passwordLogin(t.app, usernames[i % 5], `guess-${i}`, '10.1.0.1')).statusCode);
  expect(statuses).toEqual([...Array(FAILURES_PER_ADDRESS).fill(401), ...Array(10 - FAILURES_PER_ADDRESS).fill(429)]);
  // Even the right password waits; another address does not.
  expect((await passwordLogin(t.app, 'cw-a', 'correct horse battery', '10.1.0.1')).statusCode).toBe(429);
  expect((await passwordLogin(t.app, 'cw-a', 'correct horse battery', '10.1.0.2')).statusCode).toBe(200);
});

it('holds each limit across instances on one database', async () => {
  const other = await t.anotherInstance();
  const statuses: number[] = [];
  for (let i = 0; i < FAILURES_PER_USERNAME + 2; i++) statuses.push((await passwordLogin(i % 2 ? other : t.app, 'admin-a', `guess-${i}`, '10.2.0.1')).statusCode);
  expect(statuses).toEqual([...Array(FAILURES_PER_USERNAME).fill(401), 429, 429]);

  // The platform sign-in routes' per-address limit (20 a minute) is shared the same way.
  const demo = (app: TestApp['app']) => app.inject({ method: 'POST', url: '/api/auth/demo', payload: { accountId: 'acc-sponsor-1' }, remoteAddress: '10.3.0.1' });
  const demoStatuses: number[] = [];
  for (let i = 0; i < 22; i++) demoStatuses.push((await demo(i % 2 ? other : t.app)).statusCode);
  expect(demoStatuses.slice(0, 20).every((s) => s !== 429)).toBe(true);
  expect(demoStatuses.slice(20)).toEqual([429, 429]);
});

it('starts counting afresh when the window has passed', async () => {
  for (let i = 0; i < FAILURES_PER_USERNAME; i++) await passwordLogin(t.app, 'cw-b', `guess-${i}`, '10.4.0.1');
  expect((await passwordLogin(t.app, 'cw-b', 'correct horse battery', '10.4.0.1')).statusCode).toBe(429);
  t.clock.set(new Date(t.clock.now().getTime() + 16 * 60_000));
  expect((await passwordLogin(t.app, 'cw-b', 'correct horse battery', '10.4.0.1')).statusCode).toBe(200);
});

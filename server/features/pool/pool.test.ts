import type { PoolFilters, PoolPage, PoolStudentResponse } from '../../../domain/api/pool';
import { bearerFor, insertWorld } from '../../test/fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';
import { addWaitingStudent } from './test-fixtures';

let t: TestApp;
let sponsor1: Record<string, string>;
let sponsor2: Record<string, string>;
const NOW = new Date('2026-11-29T04:00:00.000Z');

beforeAll(async () => {
  t = await createTestApp({}, NOW);
  const db = t.app.db;
  await insertWorld(db);
  await addWaitingStudent(db, 'pool-01', { pool_since: '2026-03-01T00:00:00.000Z', yearly_need_fen: 200000 });
  await addWaitingStudent(db, 'pool-02', { pool_since: '2026-02-01T00:00:00.000Z', school_stage: 'high', grade: 10, yearly_need_fen: 400000 });
  await addWaitingStudent(db, 'pool-03', { pool_since: '2026-02-01T00:00:00.000Z', ngo_id: 'ngo-b', province: '甘肃', city: '定西', yearly_need_fen: 250000 });
  await addWaitingStudent(db, 'pool-04', { pool_since: '2026-04-01T00:00:00.000Z', city: '西昌', school_stage: 'primary', grade: 6, yearly_need_fen: 150000 });
  // Not waiting: no consent though under the NGO's age; consent withdrawn; story not approved; left; not in the pool; sponsored.
  await addWaitingStudent(db, 'out-consent', { consent: false });
  await addWaitingStudent(db, 'out-withdrawn');
  await db.updateTable('guardian_consents').set({ withdrawn_at: '2026-06-01T00:00:00.000Z', withdrawn_reason: '家长撤回' }).where('student_id', '=', 'out-withdrawn').execute();
  await addWaitingStudent(db, 'out-story', { story_approved_at: null });
  await addWaitingStudent(db, 'out-left', { program_status: 'left' });
  await addWaitingStudent(db, 'out-notpool', { pool_since: null });
  // Old enough for ngo-a's consent rule (under 18) not to apply: waiting without a consent record.
  await addWaitingStudent(db, 'pool-adult', { consent: false, date_of_birth: '2008-11-29', pool_since: '2026-05-01T00:00:00.000Z', school_stage: 'vocational' });
  await addWaitingStudent(db, 'out-minor', { consent: false, date_of_birth: '2008-11-30' });
  sponsor1 = await bearerFor(db, 'acc-sponsor-1', NOW);
  sponsor2 = await bearerFor(db, 'acc-sponsor-2', NOW);
});
afterAll(() => t.close());

const get = async <T>(url: string, headers = sponsor1) => {
  const res = await t.app.inject({ method: 'GET', url, headers });
  expect([url, res.statusCode]).toEqual([url, 200]);
  return res.json<T>();
};

describe('GET /api/pool', () => {
  it('lists students still waiting, longest-waiting first, with sponsor-safe fields only', async () => {
    const page = await get<PoolPage>('/api/pool');
    expect(page.items.map((s) => s.id)).toEqual(['pool-02', 'pool-03', 'pool-01', 'pool-04', 'pool-adult']);
    expect(page.nextCursor).toBeNull();
    const first = page.items[0];
    expect(Object.keys(first).sort()).toEqual(
      ['age', 'city', 'displayName', 'grade', 'id', 'ngo', 'photoUrl', 'province', 'schoolStage', 'story', 'waitingSince', 'yearlyNeedFen', 'yearsToGraduation'].sort(),
    );
    expect(first).toMatchObject({ displayName: '小02', age: 15, yearsToGraduation: 2, ngo: { id: 'ngo-a', name: '凉山助学会' } });
    const text = JSON.stringify(page);
    for (const secret of ['吉克', '昭觉', '三河村', '2011-03-01']) expect(text).not.toContain(secret);
  });

  it('pages with a keyset cursor', async () => {
    const one = await get<PoolPage>('/api/pool?limit=2');
    const two = await get<PoolPage>(`/api/pool?limit=2&cursor=${one.nextCursor}`);
    const three = await get<PoolPage>(`/api/pool?limit=2&cursor=${two.nextCursor}`);
    expect([...one.items, ...two.items, ...three.items].map((s) => s.id)).toEqual(['pool-02', 'pool-03', 'pool-01', 'pool-04', 'pool-adult']);
    expect(three.nextCursor).toBeNull();
  });

  it('filters by province, city, school stage and yearly need', async () => {
    const ids = async (q: string) => (await get<PoolPage>(`/api/pool?${q}`)).items.map((s) => s.id);
    expect(await ids(`province=${encodeURIComponent('甘肃')}`)).toEqual(['pool-03']);
    expect(await ids(`city=${encodeURIComponent('西昌')}`)).toEqual(['pool-04']);
    expect(await ids('schoolStage=high')).toEqual(['pool-02']);
    expect(await ids('maxYearlyNeedFen=200000')).toEqual(['pool-01', 'pool-04']);
    expect((await t.app.inject({ method: 'GET', url: '/api/pool?schoolStage=college', headers: sponsor1 })).statusCode).toBe(400);
  });

  it('leaves out a student held by a live reservation of someone else, not one whose reservation expired', async () => {
    const base = { sponsor_id: 'sponsor-2', amount_fen: 20000, cadence: 'monthly' as const, term_years: 2, start_date: '2026-11-29', end_date: '2028-11-29', confirmed_at: null, ended_at: null, end_reason: null, created_at: NOW.toISOString(), updated_at: NOW.toISOString() };
    await t.app.db.insertInto('sponsorships').values({ ...base, id: 'res-live', student_id: 'pool-01', status: 'reserved', reserved_until: '2026-11-29T04:10:00.000Z' }).execute();
    await t.app.db.insertInto('sponsorships').values({ ...base, id: 'res-stale', student_id: 'pool-04', status: 'reserved', reserved_until: '2026-11-29T03:59:00.000Z' }).execute();
    expect((await get<PoolPage>('/api/pool')).items.map((s) => s.id)).toEqual(['pool-02', 'pool-03', 'pool-04', 'pool-adult']);
    // The sponsor holding the reservation still sees "their" student as waiting.
    expect((await get<PoolPage>('/api/pool', sponsor2)).items.map((s) => s.id)).toContain('pool-01');
    await t.app.db.deleteFrom('sponsorships').where('id', 'in', ['res-live', 'res-stale']).execute();
  });

  it('refuses callers who are not sponsors', async () => {
    const staff = await bearerFor(t.app.db, 'acc-cw-a', NOW);
    expect((await t.app.inject({ method: 'GET', url: '/api/pool', headers: staff })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/pool' })).statusCode).toBe(401);
  });
});

describe('GET /api/pool/filters', () => {
  it('offers only regions and stages some waiting student has', async () => {
    const filters = await get<PoolFilters>('/api/pool/filters');
    expect(filters).toEqual({
      regions: [
        { province: '四川', cities: ['凉山', '西昌'] },
        { province: '甘肃', cities: ['定西'] },
      ].sort((a, b) => (a.province < b.province ? -1 : 1)),
      schoolStages: ['primary', 'middle', 'high', 'vocational'],
      needBands: [
        { maxYearlyNeedFen: 150000, count: 1 },
        { maxYearlyNeedFen: 200000, count: 2 },
        { maxYearlyNeedFen: 250000, count: 4 },
      ],
    });
  });

  it('offers only need bands that show someone, each counted right, whatever else is chosen', async () => {
    const ids = async (q: string) => (await get<PoolPage>(`/api/pool?${q}`)).items.map((s) => s.id);
    for (const query of ['', `province=${encodeURIComponent('四川')}`, 'schoolStage=middle', `province=${encodeURIComponent('四川')}&city=${encodeURIComponent('凉山')}`]) {
      const { needBands } = await get<PoolFilters>(`/api/pool/filters?${query}`);
      const all = await ids(query);
      for (const band of needBands) {
        const shown = await ids(`${query}&maxYearlyNeedFen=${band.maxYearlyNeedFen}`);
        expect([query, band.maxYearlyNeedFen, shown.length]).toEqual([query, band.maxYearlyNeedFen, band.count]);
        expect(shown.length).toBeGreaterThan(0);
        expect(shown.length).toBeLessThan(all.length);
      }
    }
    // One student waits in 甘肃: every ceiling would show all or none, so none is offered.
    expect((await get<PoolFilters>(`/api/pool/filters?province=${encodeURIComponent('甘肃')}`)).needBands).toEqual([]);
  });

  it('offers regions and stages that, with the other filters chosen, still show someone', async () => {
    const underTwoThousand = await get<PoolFilters>('/api/pool/filters?maxYearlyNeedFen=200000');
    expect(underTwoThousand.regions).toEqual([{ province: '四川', cities: ['凉山', '西昌'] }]);
    expect(underTwoThousand.schoolStages).toEqual(['primary', 'middle']);
    const high = await get<PoolFilters>('/api/pool/filters?schoolStage=high');
    expect(high.regions).toEqual([{ province: '四川', cities: ['凉山'] }]);
    // The stage list ignores the stage chosen, so switching stage is always possible.
    expect(high.schoolStages).toEqual(['primary', 'middle', 'high', 'vocational']);
    expect((await t.app.inject({ method: 'GET', url: '/api/pool/filters?limit=3', headers: sponsor1 })).statusCode).toBe(400);
  });

  it('changes the bands as students are matched', async () => {
    // pool-04 (1,500 yuan) and pool-01 (2,000 yuan) find sponsors: the two lowest bands go.
    const base = { sponsor_id: 'sponsor-2', amount_fen: 20000, cadence: 'monthly' as const, term_years: 2, start_date: '2026-11-29', end_date: '2028-11-29', reserved_until: null, confirmed_at: NOW.toISOString(), ended_at: null, end_reason: null, created_at: NOW.toISOString(), updated_at: NOW.toISOString() };
    await t.app.db.insertInto('sponsorships').values([{ ...base, id: 'match-04', student_id: 'pool-04', status: 'active' }, { ...base, id: 'match-01', student_id: 'pool-01', status: 'active' }]).execute();
    expect((await get<PoolFilters>('/api/pool/filters')).needBands).toEqual([{ maxYearlyNeedFen: 250000, count: 2 }]);
    expect((await get<PoolPage>('/api/pool?maxYearlyNeedFen=250000')).items.map((s) => s.id)).toEqual(['pool-03', 'pool-adult']);
    await t.app.db.deleteFrom('sponsorships').where('id', 'in', ['match-04', 'match-01']).execute();
    expect((await get<PoolFilters>('/api/pool/filters')).needBands).toHaveLength(3);
  });
});

describe('GET /api/pool/:id', () => {
  it('answers a waiting student with the NGO credibility and disbursement policy', async () => {
    const body = await get<PoolStudentResponse>('/api/pool/pool-02');
    if (body.availability !== 'waiting') throw new Error('expected waiting');
    expect(body.student.id).toBe('pool-02');
    expect(body.credibility.ngo).toEqual({ id: 'ngo-a', name: '凉山助学会' });
    expect(body.disbursementPolicy).toMatch(/收据/);
  });

  it('answers a sponsored or missing student with three similar ones: same province, then stage, then closest need', async () => {
    const body = await get<PoolStudentResponse>('/api/pool/student-a1');
    expect(body).toMatchObject({ availability: 'taken' });
    if (body.availability !== 'taken') throw new Error('expected taken');
    // student-a1: 四川, middle, 3000 yuan a year.
    expect(body.similar.map((s) => s.id)).toEqual(['pool-01', 'pool-adult', 'pool-02']);
    const unknown = await get<PoolStudentResponse>('/api/pool/no-such-student');
    expect(unknown).toMatchObject({ availability: 'taken' });
    const notReady = await get<PoolStudentResponse>('/api/pool/out-consent');
    expect(notReady).toMatchObject({ availability: 'taken' });
  });
});

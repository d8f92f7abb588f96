import { createTestApp, type TestApp } from '../test/test-app';
import { bearerFor, insertWorld } from '../test/fixtures';

let t: TestApp;
const as = {} as Record<string, { authorization: string }>;

beforeAll(async () => {
  t = await createTestApp();
  await insertWorld(t.app.db);
  for (const account of ['acc-sponsor-1', 'acc-sponsor-2', 'acc-student-a1', 'acc-student-a2', 'acc-cw-a', 'acc-admin-a', 'acc-cw-b']) {
    as[account] = await bearerFor(t.app.db, account);
  }
});
afterAll(() => t.close());

const get = (url: string, headers?: Record<string, string>) => t.app.inject({ url, headers });

describe('sponsor home', () => {
  it('lists only the sponsor’s own sponsorships, newest first', async () => {
    const response = await get('/api/sponsor/sponsorships', as['acc-sponsor-1']);
    expect(response.statusCode).toBe(200);
    const { items, nextCursor } = response.json();
    expect(items.map((s: { id: string }) => s.id)).toEqual(['sp-2', 'sp-1']);
    expect(nextCursor).toBeNull();
    expect(items[1]).toMatchObject({
      amountFen: 25000,
      cadence: 'monthly',
      student: { id: 'student-a1', displayName: '阿依', age: 16, grade: 9, province: '四川', city: '凉山', ngoName: '凉山助学会' },
    });
  });

  it('never sends a sponsor the surname, school, village or contact details', async () => {
    const body = (await get('/api/sponsor/sponsorships', as['acc-sponsor-1'])).body;
    for (const secret of ['吉克', '吉克阿依', '昭觉县民族中学', '解放沟村', 'legal', 'school_name', 'village']) {
      expect(body).not.toContain(secret);
    }
  });

  it('pages with an opaque cursor until the end', async () => {
    const first = (await get('/api/sponsor/sponsorships?limit=1', as['acc-sponsor-1'])).json();
    expect(first.items.map((s: { id: string }) => s.id)).toEqual(['sp-2']);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await get(`/api/sponsor/sponsorships?limit=1&cursor=${first.nextCursor}`, as['acc-sponsor-1'])).json();
    expect(second.items.map((s: { id: string }) => s.id)).toEqual(['sp-1']);
    expect(second.nextCursor).toBeNull();
  });

  it('rejects a forged cursor, an oversized page and unknown query fields with 400', async () => {
    for (const url of ['?cursor=not-a-cursor', '?limit=1000', '?sponsorId=sponsor-2']) {
      const response = await get(`/api/sponsor/sponsorships${url}`, as['acc-sponsor-1']);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
    }
  });
});

describe('student home', () => {
  it('shows the student their own record and only their sponsor’s display name', async () => {
    const response = await get('/api/student/profile', as['acc-student-a1']);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      displayName: '阿依',
      grade: 9,
      schoolStage: 'middle',
      province: '四川',
      city: '凉山',
      ngoName: '凉山助学会',
      caseworkerName: '张社工',
      sponsorDisplayName: '北京的王老师',
      sponsorshipId: 'sp-1',
      lastCheckinAt: null,
      nextCheckinWelcomeAt: '2026-12-20T00:00:00.000Z',
    });
    const other = (await get('/api/student/profile', as['acc-student-a2'])).json();
    expect(other.sponsorDisplayName).toBe('陈先生');
  });
});

describe('staff home', () => {
  it('shows a caseworker their NGO’s students only, most overdue first', async () => {
    const { items } = (await get('/api/staff/students', as['acc-cw-a'])).json();
    expect(items.map((s: { id: string }) => s.id)).toEqual(['student-a2', 'student-a1', 'student-a3']);
    expect(items[0]).toMatchObject({ legalName: '沙马拉则', silence: 'lost_contact', sponsored: true });
    expect(items[1]).toMatchObject({ legalName: '吉克阿依', silence: 'in_touch' });
    expect(items[2]).toMatchObject({ silence: 'in_touch', sponsored: false, lastHeardAt: null });
    const other = (await get('/api/staff/students', as['acc-cw-b'])).json();
    expect(other.items.map((s: { id: string }) => s.id)).toEqual(['student-b1']);
  });

  it('narrows to the caseworker’s own caseload with scope=mine', async () => {
    const { items } = (await get('/api/staff/students?scope=mine', as['acc-cw-a'])).json();
    expect(items.map((s: { id: string }) => s.id)).toEqual(['student-a1', 'student-a3']);
  });

  it('counts the NGO’s students for the overview', async () => {
    const overview = (await get('/api/staff/overview', as['acc-admin-a'])).json();
    expect(overview.ngo).toMatchObject({ id: 'ngo-a', name: '凉山助学会' });
    expect(overview.counts).toEqual({ students: 3, sponsored: 2, waiting: 1, overdue: 1, openAlerts: 0 });
    expect(overview.caseworkers).toEqual([
      { id: 'staff-cw-a2', name: '刘社工', studentCount: 1 },
      { id: 'staff-cw-a', name: '张社工', studentCount: 2 },
    ]);
  });

  it('records each staff read of student records in the audit log', async () => {
    await get('/api/staff/students?limit=2', as['acc-cw-b']);
    const rows = await t.app.db.selectFrom('audit_log').selectAll().where('actor_account_id', '=', 'acc-cw-b').execute();
    expect(rows.at(-1)).toMatchObject({ action: 'students.list', entity_id: 'ngo-b', actor_role: 'caseworker' });
    expect(JSON.parse(rows.at(-1)!.detail!)).toEqual({ studentIds: ['student-b1'] });
  });
});

describe('access rules', () => {
  it.each([
    ['/api/sponsor/sponsorships', 'acc-student-a1'],
    ['/api/sponsor/sponsorships', 'acc-cw-a'],
    ['/api/student/profile', 'acc-sponsor-1'],
    ['/api/staff/students', 'acc-sponsor-1'],
    ['/api/staff/overview', 'acc-student-a1'],
  ])('refuses %s to %s with 403', async (url, account) => {
    const response = await get(url, as[account]);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('FORBIDDEN');
  });

  it.each(['/api/sponsor/sponsorships', '/api/student/profile', '/api/staff/students', '/api/me'])(
    'asks for a sign-in on %s without a valid token',
    async (url) => {
      expect((await get(url)).statusCode).toBe(401);
      expect((await get(url, { authorization: 'Bearer forged-token' })).statusCode).toBe(401);
    },
  );

  it('refuses at start-up a route that does not declare who may call it', async () => {
    const fresh = await createTestApp();
    try {
      expect(() =>
        fresh.app.get('/api/undeclared', { schema: { response: { 200: { type: 'object' } } } }, async () => ({})),
      ).toThrow(/must declare config.access/);
    } finally {
      await fresh.close();
    }
  });
});

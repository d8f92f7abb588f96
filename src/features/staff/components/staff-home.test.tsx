import { fireEvent, render, screen, within } from '@testing-library/react';
import type { NgoOverview } from '../../../../domain/api/homes';
import { failWith, mockApi, offline, ok, type SentRequest } from '@/test/http';
import * as Taro from '@/test/taro-mock';
import type { StaffStudent } from '../api';
import { StaffHome } from './staff-home';

const overview: NgoOverview = {
  ngo: { id: 'ngo-1', name: '凉山助学会', province: '四川', city: '西昌' },
  counts: { students: 42, sponsored: 30, waiting: 12, overdue: 3, openAlerts: 1 },
  caseworkers: [
    { id: 'cw-1', name: '周老师', studentCount: 20 },
    { id: 'cw-2', name: '吉克老师', studentCount: 22 },
  ],
};

function student(id: string, legalName: string, overrides: Partial<StaffStudent> = {}): StaffStudent {
  return {
    id,
    legalName,
    displayName: '小雨',
    grade: 11,
    schoolStage: 'high',
    city: '西昌',
    programStatus: 'active',
    caseworkerName: '周老师',
    sponsored: true,
    lastHeardAt: new Date(Date.now() - 2 * 60 * 60 * 1000).toISOString(),
    nextDueAt: null,
    silence: 'in_touch',
    ...overrides,
  };
}

function api(students: (req: SentRequest) => ReturnType<typeof ok>) {
  return mockApi({ 'GET /api/staff/overview': ok(overview), 'GET /api/staff/students': students });
}

describe('StaffHome', () => {
  it('shows the NGO, its counts and each student row', async () => {
    api(() =>
      ok({
        items: [
          student('s-1', '王小雨'),
          student('s-2', '吉克阿木', {
            displayName: '阿木',
            sponsored: false,
            silence: 'lost_contact',
            caseworkerName: null,
            lastHeardAt: null,
          }),
        ],
        nextCursor: null,
      }),
    );
    render(<StaffHome role='caseworker' />);

    expect(await screen.findByTestId('staff-count-students')).toHaveTextContent('42');
    expect(screen.getByTestId('staff-ngo-name')).toHaveTextContent('凉山助学会');
    expect(screen.getByTestId('staff-count-waiting')).toHaveTextContent('12');
    expect(screen.getByTestId('staff-count-overdue')).toHaveClass('bx-staff__count--attention');
    expect(screen.getByTestId('staff-count-openAlerts')).toHaveTextContent('未结失联提醒');

    const rows = await screen.findAllByTestId('staff-student-row');
    expect(rows).toHaveLength(2);
    const first = within(rows[0]);
    expect(first.getByTestId('staff-student-name')).toHaveTextContent('王小雨');
    expect(rows[0]).toHaveTextContent('昵称：小雨');
    expect(rows[0]).toHaveTextContent('高中二年级 · 西昌');
    expect(rows[0]).toHaveTextContent('社工：周老师');
    expect(first.getByTestId('staff-student-last-heard')).toHaveTextContent('最近联系：2 小时前');
    expect(first.getByTestId('staff-student-silence')).toHaveTextContent('保持联系');
    expect(first.getByTestId('staff-student-sponsored')).toHaveTextContent('已资助');

    const second = within(rows[1]);
    expect(second.getByTestId('staff-student-silence')).toHaveTextContent('失联');
    expect(second.getByTestId('staff-student-silence')).toHaveAttribute('data-value', 'lost_contact');
    expect(second.getByTestId('staff-student-sponsored')).toHaveTextContent('等待资助');
    expect(rows[1]).toHaveTextContent('未分配社工');
    expect(second.getByTestId('staff-student-last-heard')).toHaveTextContent('最近联系：还没有');

    // Caseworkers do not get the per-caseworker breakdown.
    expect(screen.queryByTestId('staff-caseworkers')).not.toBeInTheDocument();
  });

  it('lets a caseworker switch between their own students and the whole NGO', async () => {
    const sent = api((req) =>
      ok({ items: [student(`s-${req.query.scope}`, req.query.scope === 'mine' ? '我的学生' : '全体学生')], nextCursor: null }),
    );
    render(<StaffHome role='caseworker' />);
    expect(await screen.findByText('我的学生')).toBeInTheDocument();
    expect(screen.getByTestId('staff-scope-mine')).toHaveAttribute('aria-checked', 'true');

    fireEvent.click(screen.getByTestId('staff-scope-all'));

    expect(await screen.findByText('全体学生')).toBeInTheDocument();
    expect(screen.queryByText('我的学生')).not.toBeInTheDocument();
    const scopes = sent.filter((s) => s.path === '/api/staff/students').map((s) => s.query.scope);
    expect(scopes).toEqual(['mine', 'all']);
  });

  it('shows an NGO admin the caseworkers and the whole NGO, without the scope toggle', async () => {
    const sent = api(() => ok({ items: [student('s-1', '王小雨')], nextCursor: null }));
    render(<StaffHome role='ngo_admin' />);
    const caseworkers = await screen.findAllByTestId('staff-caseworker');
    expect(caseworkers.map((c) => c.textContent)).toEqual(['周老师负责 20 名学生', '吉克老师负责 22 名学生']);
    expect(screen.queryByTestId('staff-scope-mine')).not.toBeInTheDocument();
    await screen.findByText('王小雨');
    expect(sent.find((s) => s.path === '/api/staff/students')?.query.scope).toBe('all');
  });

  it('loads more students and refreshes everything on pull-down', async () => {
    const sent = api((req) =>
      req.query.cursor
        ? ok({ items: [student('s-2', '第二页学生')], nextCursor: null })
        : ok({ items: [student('s-1', '第一页学生')], nextCursor: 'next' }),
    );
    render(<StaffHome role='caseworker' />);
    await screen.findByText('第一页学生');
    fireEvent.click(screen.getByTestId('load-more'));
    expect(await screen.findByText('第二页学生')).toBeInTheDocument();

    const before = sent.length;
    await Taro.fireTaroHook('pullDownRefresh');
    const again = sent.slice(before).map((s) => s.path).sort();
    expect(again).toEqual(['/api/staff/overview', '/api/staff/students']);
    expect(Taro.stopPullDownRefresh).toHaveBeenCalled();
    // Back to the first page only.
    expect(screen.queryByText('第二页学生')).not.toBeInTheDocument();
  });

  it('says when a caseworker has no students yet', async () => {
    api(() => ok({ items: [], nextCursor: null }));
    render(<StaffHome role='caseworker' />);
    expect(await screen.findByTestId('staff-empty')).toHaveTextContent('目前还没有分配给你的学生。');
  });

  it('shows errors for the overview and the list separately, each with a retry', async () => {
    mockApi({ 'GET /api/staff/overview': offline, 'GET /api/staff/students': failWith(403, 'FORBIDDEN', '没有权限查看。') });
    render(<StaffHome role='caseworker' />);
    expect(await screen.findByTestId('staff-overview-error')).toHaveTextContent('请检查网络后再试一次');
    const alerts = await screen.findAllByRole('alert');
    expect(alerts.map((a) => a.textContent)).toEqual(
      expect.arrayContaining([expect.stringContaining('没有权限查看。')]),
    );

    api(() => ok({ items: [student('s-1', '王小雨')], nextCursor: null }));
    for (const retry of screen.getAllByRole('button', { name: '重试' })) fireEvent.click(retry);
    expect(await screen.findByText('王小雨')).toBeInTheDocument();
    expect(await screen.findByTestId('staff-count-students')).toHaveTextContent('42');
  });
});

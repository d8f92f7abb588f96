import { act, fireEvent, render, screen } from '@testing-library/react';
import { useLocaleStore } from '@/lib/i18n';
import { kickOutbox, outbox } from '@/lib/outbox';
import { signIn, studentMe } from '@/test/fixtures';
import { failWith, mockApi, offline, ok } from '@/test/http';
import * as Taro from '@/test/taro-mock';
import type { StudentProfile } from '../api';
import { StudentHome } from './student-home';

const ROUTE = 'GET /api/student/profile';

const profile: StudentProfile = {
  displayName: '小雨',
  grade: 8,
  schoolStage: 'middle',
  province: '四川',
  city: '凉山',
  ngoName: '凉山助学会',
  caseworkerName: '周老师',
  sponsorDisplayName: '林晓',
  sponsorshipId: 'sp-1',
  lastCheckinAt: null,
  nextCheckinWelcomeAt: '2026-12-14T20:00:00Z',
};

describe('StudentHome', () => {
  it('greets the student and names their sponsor, NGO and caseworker', async () => {
    mockApi({ [ROUTE]: ok(profile) });
    render(<StudentHome />);

    expect(await screen.findByTestId('student-greeting')).toHaveTextContent('小雨，你好！');
    expect(screen.getByText('初中二年级 · 四川·凉山')).toBeInTheDocument();
    expect(screen.getByTestId('student-sponsor')).toHaveTextContent('你的资助人：林晓');
    expect(screen.getByTestId('student-ngo')).toHaveTextContent('陪伴你的机构：凉山助学会');
    expect(screen.getByTestId('student-caseworker')).toHaveTextContent('你的社工：周老师');
    // Check-ins are welcome, never a condition of support.
    expect(screen.getByTestId('student-checkin-note')).toHaveTextContent('资助从来不取决于你有没有回复');
    // 20:00 UTC on 14 December is 15 December in China.
    expect(screen.getByTestId('student-next-checkin')).toHaveTextContent('2026年12月15日 前后来报个平安就很好');
    // The three one-tap check-ins are right on the home.
    expect(screen.getByTestId('checkin-doing_well')).toBeInTheDocument();
    expect(screen.getByTestId('checkin-busy_exams')).toBeInTheDocument();
    expect(screen.getByTestId('checkin-talk_to_caseworker')).toBeInTheDocument();
  });

  it('shows a check-in made offline as waiting to send at once, and welcome terms for a report', async () => {
    signIn(studentMe);
    mockApi({
      [ROUTE]: ok(profile),
      'POST /api/student/checkins': offline,
      'GET /api/student/term-reports': ok({ items: [], dueTerms: ['2026-2027-1'] }),
    });
    render(<StudentHome />);
    await screen.findByTestId('student-greeting');
    expect(screen.queryByTestId('outbox-pending')).not.toBeInTheDocument();
    fireEvent.click(screen.getByTestId('checkin-busy_exams'));
    expect(screen.getByTestId('outbox-pending')).toHaveAttribute('data-count', '1');
    expect(screen.getByTestId('checkin-confirmation')).toHaveAttribute('data-state', 'waiting');
    expect(await screen.findByTestId('term-report-due')).toHaveAttribute('data-term', '2026-2027-1');

    // Back online: sent, and the next welcome date moves on.
    mockApi({
      'POST /api/student/checkins': { statusCode: 201, data: { id: 'c-1', createdAt: '2026-11-29T04:00:00Z', nextCheckinWelcomeAt: '2027-01-10T04:00:00Z' } },
    });
    outbox.wakeAll();
    await act(() => kickOutbox());
    expect(screen.queryByTestId('outbox-pending')).not.toBeInTheDocument();
    expect(screen.getByTestId('student-next-checkin')).toHaveTextContent('2027年1月10日');
  });

  it('tells a student still waiting that a sponsor is being found', async () => {
    useLocaleStore.getState().setLocale('en-US');
    mockApi({ [ROUTE]: ok({ ...profile, displayName: 'Xiaoyu', sponsorDisplayName: null, sponsorshipId: null, caseworkerName: null, nextCheckinWelcomeAt: null }) });
    render(<StudentHome />);
    expect(await screen.findByTestId('student-greeting')).toHaveTextContent('Hi, Xiaoyu!');
    expect(screen.getByTestId('student-sponsor')).toHaveTextContent("We're looking for a sponsor for you");
    expect(screen.getByTestId('student-caseworker')).toHaveTextContent('A caseworker will be assigned soon');
    expect(screen.getByTestId('student-next-checkin')).toHaveTextContent('Check in whenever you like');
  });

  it('shows the error and loads again on retry', async () => {
    mockApi({ [ROUTE]: failWith(403, 'FORBIDDEN', '这个页面只对学生开放。') });
    render(<StudentHome />);
    expect(await screen.findByRole('alert')).toHaveTextContent('这个页面只对学生开放。');

    mockApi({ [ROUTE]: ok(profile) });
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(await screen.findByTestId('student-greeting')).toHaveTextContent('小雨，你好！');
  });

  it('keeps the profile when a pull-to-refresh fails', async () => {
    mockApi({ [ROUTE]: ok(profile) });
    render(<StudentHome />);
    await screen.findByTestId('student-greeting');

    mockApi({ [ROUTE]: failWith(500, 'INTERNAL', 'x') });
    await Taro.fireTaroHook('pullDownRefresh');

    expect(await screen.findByRole('alert')).toHaveTextContent('服务器暂时出了点问题');
    expect(screen.getByTestId('student-greeting')).toHaveTextContent('小雨，你好！');
    expect(Taro.stopPullDownRefresh).toHaveBeenCalled();
  });
});

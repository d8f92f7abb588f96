import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { chinaToday } from '@/lib/china-date';
import { kickOutbox, outbox } from '@/lib/outbox';
import { signIn, studentMe } from '@/test/fixtures';
import { mockApi, offline, ok } from '@/test/http';
import * as Taro from '@/test/taro-mock';
import { recentTerms } from '../../../../domain/terms';
import { TermReportScreen } from './term-report-screen';
import { TermReportsDue } from './term-reports-due';

const LIST = 'GET /api/student/term-reports';
const reports = {
  items: [
    { id: 'tr-1', term: '2025-2026-1', grade: 7, overallResult: '数学进步了', authoredBy: 'student', photoUrl: null, createdAt: '2026-02-01T02:00:00Z' },
    { id: 'tr-2', term: '2024-2025-2', grade: 7, overallResult: '还行', authoredBy: 'caseworker', photoUrl: 'http://x/p', createdAt: '2025-07-10T02:00:00Z' },
  ],
  dueTerms: ['2025-2026-2'],
  schoolStage: 'middle' as const,
};

describe('TermReportScreen', () => {
  beforeEach(() => signIn(studentMe));

  it('lists earlier reports with who wrote them', async () => {
    mockApi({ [LIST]: ok(reports) });
    render(<TermReportScreen initialTerm='2025-2026-2' />);
    const items = await screen.findAllByTestId('term-report-item');
    expect(items[0]).toHaveTextContent('2025–2026 学年第一学期 · ');
    expect(items[0]).toHaveTextContent('你写的');
    expect(items[1]).toHaveTextContent('2024–2025 学年第二学期');
    expect(items[1]).toHaveTextContent('社工代填');
    expect(screen.getByTestId('term-option-2025-2026-2')).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByTestId('term-option-2025-2026-2')).toHaveTextContent('2025–2026 学年第二学期');
  });

  it('names a vocational student’s grade in their own stage', async () => {
    mockApi({ [LIST]: ok({ ...reports, items: [{ ...reports.items[0], grade: 11 }], schoolStage: 'vocational' }) });
    render(<TermReportScreen initialTerm='2025-2026-2' />);
    expect(await screen.findByTestId('term-report-item')).toHaveTextContent('2025–2026 学年第一学期 · 中职二年级');
  });

  it('marks a term that already has a report and moves the choice off it: one report per term', async () => {
    const current = recentTerms(chinaToday(), 2);
    mockApi({ [LIST]: ok({ ...reports, items: [{ ...reports.items[0], term: current[0] }] }) });
    render(<TermReportScreen initialTerm={current[0]} />);
    await waitFor(() => expect(screen.getByTestId(`term-option-${current[0]}`)).toHaveAttribute('aria-disabled', 'true'));
    expect(screen.getByTestId(`term-option-${current[0]}`)).toHaveTextContent('已交过');
    expect(screen.getByTestId(`term-option-${current[1]}`)).toHaveAttribute('aria-checked', 'true');
    fireEvent.click(screen.getByTestId(`term-option-${current[0]}`));
    expect(screen.getByTestId(`term-option-${current[0]}`)).toHaveAttribute('aria-checked', 'false');
  });

  it('opens on the same term when a link names it in the older form', async () => {
    mockApi({ [LIST]: ok(reports) });
    render(<TermReportScreen initialTerm='2026-spring' />);
    await screen.findAllByTestId('term-report-item');
    expect(screen.getByTestId('term-option-2025-2026-2')).toHaveAttribute('aria-checked', 'true');
    expect(screen.queryByTestId('term-option-2026-spring')).not.toBeInTheDocument();
  });

  it('queues the report with a compressed photo, offline too, and sends the photo first', async () => {
    mockApi({ [LIST]: ok(reports), 'POST /api/student/term-reports': offline });
    render(<TermReportScreen initialTerm='2025-2026-2' initialGrade={8} />);
    fireEvent.change(screen.getByTestId('term-report-result'), { target: { value: '语文考得不错' } });
    fireEvent.click(screen.getByTestId('term-report-add-photo'));
    await screen.findByTestId('term-report-photo');
    fireEvent.click(screen.getByTestId('term-report-submit'));
    expect(screen.getByTestId('term-report-status')).toHaveAttribute('data-state', 'waiting');
    expect(outbox.getSnapshot().items[0]).toMatchObject({
      kind: 'termReport',
      body: { term: '2025-2026-2', grade: 8, overallResult: '语文考得不错' },
      photos: [{ path: 'blob:photo-1', uploadedId: null }],
    });

    Taro.uploadFile.mockImplementation(async () => ({ statusCode: 201, data: JSON.stringify({ id: 'up-9' }), errMsg: 'ok' }));
    const sent = mockApi({ [LIST]: ok(reports), 'POST /api/student/term-reports': { statusCode: 201, data: { id: 'tr-3' } } });
    outbox.wakeAll();
    await act(() => kickOutbox());
    expect(screen.getByTestId('term-report-status')).toHaveAttribute('data-state', 'sent');
    const post = sent.find((s) => s.method === 'POST')!;
    expect(post.data).toEqual({ term: '2025-2026-2', grade: 8, overallResult: '语文考得不错', photoUploadId: 'up-9' });
    expect(Taro.uploadFile).toHaveBeenCalledWith(expect.objectContaining({ url: 'http://api.test/api/letter-photos', name: 'photo' }));
  });

  it('asks for one line on how it went', () => {
    mockApi({ [LIST]: ok(reports) });
    render(<TermReportScreen initialGrade={8} />);
    fireEvent.click(screen.getByTestId('term-report-submit'));
    expect(screen.getByTestId('term-report-error')).toHaveTextContent('写一句总体情况就好。');
    expect(outbox.getSnapshot().items).toHaveLength(0);
  });

  it('shows how to reach a person right after a comment that tells of distress, and nothing after an ordinary one', async () => {
    mockApi({ [LIST]: ok(reports), 'POST /api/student/term-reports': offline });
    const { unmount } = render(<TermReportScreen initialTerm='2025-2026-2' initialGrade={8} />);
    fireEvent.change(screen.getByTestId('term-report-result'), { target: { value: '数学难死了，不过总算及格了' } });
    fireEvent.click(screen.getByTestId('term-report-submit'));
    expect(screen.getByTestId('term-report-status')).toBeInTheDocument();
    expect(screen.queryByTestId('support-card')).not.toBeInTheDocument();
    unmount();

    render(<TermReportScreen initialTerm='2025-2026-2' initialGrade={8} />);
    fireEvent.change(screen.getByTestId('term-report-result'), { target: { value: '成绩一落千丈，我觉得活着没有意思，不想活了' } });
    fireEvent.click(screen.getByTestId('term-report-submit'));
    expect(await screen.findByTestId('support-card')).toHaveAttribute('data-level', 'urgent');
  });
});

describe('TermReportsDue', () => {
  it('shows terms a report would be welcome for, and nothing when none', async () => {
    mockApi({ [LIST]: ok(reports) });
    const { unmount } = render(<TermReportsDue />);
    expect(await screen.findByTestId('term-report-due')).toHaveTextContent('2025–2026 学年第二学期的报告，愿意的时候可以写');
    fireEvent.click(screen.getByTestId('term-report-write'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/student/pages/term-report/index?term=2025-2026-2' });
    unmount();

    mockApi({ [LIST]: ok({ items: [], dueTerms: [], schoolStage: 'middle' }) });
    render(<TermReportsDue />);
    await waitFor(() => expect(screen.queryByTestId('term-reports-due')).not.toBeInTheDocument());
  });
});

import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { kickOutbox, outbox } from '@/lib/outbox';
import { signIn, studentMe } from '@/test/fixtures';
import { mockApi, offline, ok } from '@/test/http';
import * as Taro from '@/test/taro-mock';
import { TermReportScreen } from './term-report-screen';
import { TermReportsDue } from './term-reports-due';

const LIST = 'GET /api/student/term-reports';
const reports = {
  items: [
    { id: 'tr-1', term: '2025-autumn', grade: 7, overallResult: '数学进步了', authoredBy: 'student', photoUrl: null, createdAt: '2026-02-01T02:00:00Z' },
    { id: 'tr-2', term: '2025-spring', grade: 7, overallResult: '还行', authoredBy: 'caseworker', photoUrl: 'http://x/p', createdAt: '2025-07-10T02:00:00Z' },
  ],
  dueTerms: ['2026-spring'],
};

describe('TermReportScreen', () => {
  beforeEach(() => signIn(studentMe));

  it('lists earlier reports with who wrote them', async () => {
    mockApi({ [LIST]: ok(reports) });
    render(<TermReportScreen initialTerm='2026-spring' />);
    const items = await screen.findAllByTestId('term-report-item');
    expect(items[0]).toHaveTextContent('2025 年秋季学期 · 7 年级');
    expect(items[0]).toHaveTextContent('你写的');
    expect(items[1]).toHaveTextContent('社工代填');
    expect(screen.getByTestId('term-option-2026-spring')).toHaveAttribute('aria-checked', 'true');
  });

  it('queues the report with a compressed photo, offline too, and sends the photo first', async () => {
    mockApi({ [LIST]: ok(reports), 'POST /api/student/term-reports': offline });
    render(<TermReportScreen initialTerm='2026-spring' initialGrade={8} />);
    fireEvent.change(screen.getByTestId('term-report-result'), { target: { value: '语文考得不错' } });
    fireEvent.click(screen.getByTestId('term-report-add-photo'));
    await screen.findByTestId('term-report-photo');
    fireEvent.click(screen.getByTestId('term-report-submit'));
    expect(screen.getByTestId('term-report-status')).toHaveAttribute('data-state', 'waiting');
    expect(outbox.getSnapshot().items[0]).toMatchObject({
      kind: 'termReport',
      body: { term: '2026-spring', grade: 8, overallResult: '语文考得不错' },
      photos: [{ path: 'blob:photo-1', uploadedId: null }],
    });

    Taro.uploadFile.mockImplementation(async () => ({ statusCode: 201, data: JSON.stringify({ id: 'up-9' }), errMsg: 'ok' }));
    const sent = mockApi({ [LIST]: ok(reports), 'POST /api/student/term-reports': { statusCode: 201, data: { id: 'tr-3' } } });
    outbox.wakeAll();
    await act(() => kickOutbox());
    expect(screen.getByTestId('term-report-status')).toHaveAttribute('data-state', 'sent');
    const post = sent.find((s) => s.method === 'POST')!;
    expect(post.data).toEqual({ term: '2026-spring', grade: 8, overallResult: '语文考得不错', photoUploadId: 'up-9' });
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
    const { unmount } = render(<TermReportScreen initialTerm='2026-spring' initialGrade={8} />);
    fireEvent.change(screen.getByTestId('term-report-result'), { target: { value: '数学难死了，不过总算及格了' } });
    fireEvent.click(screen.getByTestId('term-report-submit'));
    expect(screen.getByTestId('term-report-status')).toBeInTheDocument();
    expect(screen.queryByTestId('support-card')).not.toBeInTheDocument();
    unmount();

    render(<TermReportScreen initialTerm='2026-spring' initialGrade={8} />);
    fireEvent.change(screen.getByTestId('term-report-result'), { target: { value: '成绩一落千丈，我觉得活着没有意思，不想活了' } });
    fireEvent.click(screen.getByTestId('term-report-submit'));
    expect(await screen.findByTestId('support-card')).toHaveAttribute('data-level', 'urgent');
  });
});

describe('TermReportsDue', () => {
  it('shows terms a report would be welcome for, and nothing when none', async () => {
    mockApi({ [LIST]: ok(reports) });
    const { unmount } = render(<TermReportsDue />);
    expect(await screen.findByTestId('term-report-due')).toHaveTextContent('2026 年春季学期的报告，愿意的时候可以写');
    fireEvent.click(screen.getByTestId('term-report-write'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/student/pages/term-report/index?term=2026-spring' });
    unmount();

    mockApi({ [LIST]: ok({ items: [], dueTerms: [] }) });
    render(<TermReportsDue />);
    await waitFor(() => expect(screen.queryByTestId('term-reports-due')).not.toBeInTheDocument());
  });
});

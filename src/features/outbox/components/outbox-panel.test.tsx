import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { kickOutbox, outbox } from '@/lib/outbox';
import { signIn, studentMe } from '@/test/fixtures';
import { failWith, mockApi, offline } from '@/test/http';
import * as Taro from '@/test/taro-mock';
import { OutboxPanel } from './outbox-panel';

describe('OutboxPanel', () => {
  beforeEach(() => signIn(studentMe));

  it('shows nothing when nothing waits, and the count when something does', async () => {
    mockApi({ 'POST /api/student/checkins': offline });
    render(<OutboxPanel />);
    expect(screen.queryByTestId('outbox-pending')).not.toBeInTheDocument();
    act(() => {
      outbox.enqueue({ kind: 'checkin', path: '/api/student/checkins', body: { kind: 'doing_well' }, label: '我很好' });
    });
    expect(screen.getByTestId('outbox-pending')).toHaveTextContent('1 条等待发送');
    expect(screen.getByTestId('outbox-pending')).toHaveAttribute('data-count', '1');
    fireEvent.click(screen.getByTestId('outbox-pending'));
    expect(screen.getByTestId('outbox-item')).toHaveTextContent('报平安 · 我很好');
  });

  it('lets a refused item be tried again or discarded', async () => {
    const sent = mockApi({ 'POST /api/student/checkins': failWith(400, 'VALIDATION_FAILED', '内容不对') });
    render(<OutboxPanel />);
    act(() => {
      outbox.enqueue({ kind: 'checkin', path: '/api/student/checkins', body: { kind: 'doing_well' }, label: '我很好' });
    });
    await act(() => kickOutbox());
    fireEvent.click(screen.getByTestId('outbox-pending'));
    expect(screen.getByTestId('outbox-item')).toHaveAttribute('data-status', 'failed');
    expect(screen.getByTestId('outbox-item')).toHaveTextContent('没有发出去：内容不对');

    mockApi({ 'POST /api/student/checkins': { statusCode: 201, data: { id: 'c' } } });
    fireEvent.click(screen.getByTestId('outbox-retry'));
    await waitFor(() => expect(screen.queryByTestId('outbox-pending')).not.toBeInTheDocument());
    expect(sent).toHaveLength(1);

    mockApi({ 'POST /api/student/checkins': failWith(400, 'VALIDATION_FAILED', '内容不对') });
    act(() => {
      outbox.enqueue({ kind: 'checkin', path: '/api/student/checkins', body: { kind: 'doing_well' }, label: 'x' });
    });
    await act(() => kickOutbox());
    // The list is still open from before.
    fireEvent.click(screen.getByTestId('outbox-discard'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
    await waitFor(() => expect(screen.queryByTestId('outbox-pending')).not.toBeInTheDocument());
  });
});

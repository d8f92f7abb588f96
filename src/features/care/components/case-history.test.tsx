import { render, screen, within } from '@testing-library/react';
import { act } from 'react';
import { useLocaleStore } from '@/lib/i18n';
import '@/lib/i18n/staff/register';
import type { CaseView } from '../api';
import { CaseTimeline } from './case-history';

const history: CaseView['history'] = [
  { at: '2026-11-25T00:00:00.000Z', kind: 'alert_opened', actorName: null, params: {} },
  { at: '2026-11-26T02:00:00.000Z', kind: 'attempt', actorName: '张社工', params: { method: 'call', result: 'no_answer' } },
  { at: '2026-11-27T02:00:00.000Z', kind: 'student_wrote', actorName: null, params: {} },
  { at: '2026-11-28T02:00:00.000Z', kind: 'resolved', actorName: '张社工', params: { outcome: 'reached', method: 'home_visit' } },
];

const line = (kind: string) => within(screen.getAllByTestId('case-event').find((e) => e.getAttribute('data-kind') === kind)!);

describe('CaseTimeline', () => {
  afterEach(() => act(() => useLocaleStore.getState().setLocale('zh-CN')));

  it('puts each event code and its parameters in words, in Chinese and in English', () => {
    act(() => useLocaleStore.getState().setLocale('zh-CN'));
    const { unmount } = render(<CaseTimeline history={history} />);
    expect(line('attempt').getByText('电话 · 没人接')).toBeInTheDocument();
    expect(line('student_wrote').getByText('学生写了信')).toBeInTheDocument();
    expect(line('resolved').getByText('结案')).toBeInTheDocument();
    expect(line('resolved').getByText('社工联系上了学生 · 家访')).toBeInTheDocument();
    unmount();

    act(() => useLocaleStore.getState().setLocale('en-US'));
    render(<CaseTimeline history={history} />);
    expect(line('attempt').getByText('Call · No answer')).toBeInTheDocument();
    expect(line('student_wrote').getByText('The student wrote a letter')).toBeInTheDocument();
    expect(line('resolved').getByText('The caseworker reached the student · Home visit')).toBeInTheDocument();
    expect(screen.getByTestId('case-history')).not.toHaveTextContent(/no_answer|home_visit|student_wrote|care\./);
  });
});

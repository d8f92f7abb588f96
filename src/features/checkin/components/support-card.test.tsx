import { fireEvent, render, screen } from '@testing-library/react';
import { useLocaleStore } from '@/lib/i18n';
import { outbox } from '@/lib/outbox';
import { signIn, studentMe } from '@/test/fixtures';
import { mockApi, offline } from '@/test/http';
import * as Taro from '@/test/taro-mock';
import { supportLevelOf } from '../support';
import { SupportCard } from './support-card';

describe('SupportCard', () => {
  beforeEach(() => signIn(studentMe));

  it('speaks warmly and puts a person a tap away: the caseworker (queued, offline too) or a hotline', () => {
    mockApi({ 'POST /api/student/checkins': offline });
    render(<SupportCard level='urgent' />);
    const card = screen.getByTestId('support-card');
    expect(card).toHaveTextContent('谢谢你愿意说出来');
    expect(card).toHaveTextContent('你不是一个人');
    expect(card).toHaveTextContent('400-161-9995');
    expect(screen.getByTestId('support-emergency')).toHaveTextContent('110 报警 · 120 急救');
    expect(card.textContent).not.toMatch(/不能|不可以|违反/);

    fireEvent.click(screen.getByTestId('support-call-4001619995'));
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '4001619995' });
    fireEvent.click(screen.getByRole('button', { name: '拨打 12355 青少年服务台' }));
    expect(Taro.makePhoneCall).toHaveBeenLastCalledWith({ phoneNumber: '12355' });

    fireEvent.click(screen.getByTestId('support-talk'));
    expect(screen.getByTestId('support-talk-sent')).toHaveTextContent('你的社工会尽快联系你');
    expect(outbox.getSnapshot().items).toEqual([expect.objectContaining({ kind: 'checkin', body: { kind: 'talk_to_caseworker' } })]);
  });

  it('says it in English too, more gently for a concern', () => {
    useLocaleStore.getState().setLocale('en-US');
    render(<SupportCard level='concern' />);
    expect(screen.getByTestId('support-card')).toHaveTextContent('It sounds like things have been hard');
    expect(screen.getByTestId('support-talk')).toHaveTextContent('Ask my caseworker to contact me');
  });
});

describe('supportLevelOf', () => {
  it('runs the same assessment as the server on the device', () => {
    expect(supportLevelOf('我真的不想活了，想从楼上跳下去。')).toBe('urgent');
    expect(supportLevelOf('今天体育课跑了八百米，累死了，哈哈。')).toBeNull();
  });
});

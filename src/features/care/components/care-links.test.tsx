import { act, fireEvent, render, screen } from '@testing-library/react';
import { caseworkerMe, signIn } from '@/test/fixtures';
import { mockApi, offline, ok } from '@/test/http';
import * as Taro from '@/test/taro-mock';
import { counts, page } from '../test-data';
import { CareLinks, COUNTS_REFRESH_MS } from './care-links';

describe('CareLinks', () => {
  beforeEach(() => signIn(caseworkerMe));

  it('opens the queue from a prominent entry with the open and escalated counts', async () => {
    const sent = mockApi({ 'GET /api/staff/care/queue': ok(page([], null, counts({ alerts: 3, escalated: 1 }))) });
    render(<CareLinks admin={false} />);
    const link = await screen.findByRole('button', { name: '打开个案队列：未结提醒 3 个 · 已升级 1 个' });
    expect(sent[0].query).toMatchObject({ tab: 'alerts', limit: '1' });
    fireEvent.click(link);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/queue/index' });
    // A caseworker may read the policy but has no handovers to decide.
    expect(screen.queryByTestId('care-handovers-link')).not.toBeInTheDocument();
    expect(screen.getByTestId('care-policy-link')).toHaveTextContent('查看关怀规则');
  });

  it('gives an NGO admin the handovers and the policy editor, and still works without counts', async () => {
    mockApi({ 'GET /api/staff/care/queue': offline });
    render(<CareLinks admin />);
    expect(await screen.findByTestId('care-queue-link')).toHaveTextContent('个案队列 · …');
    fireEvent.click(screen.getByTestId('care-handovers-link'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/handovers/index' });
    fireEvent.click(screen.getByTestId('care-policy-link'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/policy/index' });
  });

  it('puts urgent flags first, in a danger-toned button that opens the queue on the urgent tab', async () => {
    mockApi({ 'GET /api/staff/care/queue': ok(page([], null, counts({ urgent: 2 }))) });
    render(<CareLinks admin={false} />);
    const urgent = await screen.findByRole('button', { name: '打开紧急情况队列：2 个待处理' });
    expect(urgent).toHaveTextContent('2 个紧急情况待处理');
    expect(urgent).toHaveClass('bx-care-links__urgent');
    expect(screen.getAllByRole('button')[0]).toBe(urgent);
    fireEvent.click(urgent);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/queue/index?tab=urgent' });
  });

  it('refreshes the counts when the page shows again and every minute while it is on screen', async () => {
    jest.useFakeTimers();
    try {
      let urgent = 0;
      const sent = mockApi({ 'GET /api/staff/care/queue': () => ok(page([], null, counts({ urgent }))) });
      render(<CareLinks admin={false} />);
      await screen.findByRole('button', { name: '打开个案队列：未结提醒 2 个 · 已升级 1 个' });
      expect(screen.queryByTestId('care-urgent-link')).not.toBeInTheDocument();

      urgent = 1;
      await act(async () => {
        jest.advanceTimersByTime(COUNTS_REFRESH_MS);
      });
      expect(sent).toHaveLength(2);
      expect(await screen.findByTestId('care-urgent-link')).toHaveTextContent('1 个紧急情况待处理');

      // Hidden behind another page: no polling; shown again: at once.
      await Taro.fireTaroHook('didShow');
      await Taro.fireTaroHook('didHide');
      await act(async () => {
        jest.advanceTimersByTime(3 * COUNTS_REFRESH_MS);
      });
      expect(sent).toHaveLength(2);
      urgent = 0;
      await Taro.fireTaroHook('didShow');
      expect(sent).toHaveLength(3);
      await act(async () => undefined);
      expect(screen.queryByTestId('care-urgent-link')).not.toBeInTheDocument();
    } finally {
      jest.useRealTimers();
    }
  });
});

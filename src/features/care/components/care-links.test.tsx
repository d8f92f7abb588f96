import { fireEvent, render, screen } from '@testing-library/react';
import { caseworkerMe, signIn } from '@/test/fixtures';
import { mockApi, offline, ok } from '@/test/http';
import * as Taro from '@/test/taro-mock';
import { counts, page } from '../test-data';
import { CareLinks } from './care-links';

describe('CareLinks', () => {
  beforeEach(() => signIn(caseworkerMe));

  it('opens the queue from a prominent entry with the open and escalated counts', async () => {
    const sent = mockApi({ 'GET /api/staff/care/queue': ok(page([], null, counts({ alerts: 3, escalated: 1 }))) });
    render(<CareLinks admin={false} />);
    const link = await screen.findByRole('button', { name: '打开个案队列：未结提醒 3 · 已升级 1' });
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
});

import { render, screen, within } from '@testing-library/react';
import { useLocaleStore } from '@/lib/i18n';
import { credibilityFixture } from '../test-data';
import { CredibilityPanel } from './credibility-panel';

const metric = (key: string) => {
  const found = screen.getAllByTestId('credibility-metric').find((el) => el.getAttribute('data-metric') === key);
  if (!found) throw new Error(`no metric ${key}`);
  return within(found);
};

describe('CredibilityPanel', () => {
  it('shows the four metrics with their values, sample sizes, period and what each means', () => {
    render(<CredibilityPanel credibility={credibilityFixture()} />);
    const panel = screen.getByTestId('credibility-panel');
    expect(panel).toHaveTextContent('凉山助学会的工作记录');
    expect(panel).toHaveTextContent('不是人工打分');
    expect(screen.getByTestId('credibility-period')).toHaveTextContent('统计期间：2025年12月1日 至 2026年11月30日');
    expect(screen.getAllByTestId('credibility-metric')).toHaveLength(4);

    expect(metric('alertAckMedianHours').getByTestId('credibility-value')).toHaveTextContent('20.3 小时');
    expect(metric('alertAckMedianHours').getByTestId('credibility-sample')).toHaveTextContent('基于 12 次失联提醒');
    expect(metric('alertsResolvedWithinSla').getByTestId('credibility-value')).toHaveTextContent('92%');
    expect(metric('letterDeliveryMedianDays').getByTestId('credibility-value')).toHaveTextContent('3 天');
    expect(metric('letterDeliveryMedianDays').getByTestId('credibility-sample')).toHaveTextContent('基于 140 封书信');
    expect(metric('disbursementsReportedOnTime').getByTestId('credibility-value')).toHaveTextContent('100%');
    expect(metric('disbursementsReportedOnTime').queryByText(/中位数|比例/)).toBeInTheDocument();
    expect(screen.queryByTestId('credibility-not-enough')).not.toBeInTheDocument();
  });

  it('says "not enough data yet" instead of a number below the minimum sample, still with the sample size', () => {
    useLocaleStore.getState().setLocale('en-US');
    render(
      <CredibilityPanel
        credibility={credibilityFixture({
          alertAckMedianHours: { value: null, sample: 2 },
          alertsResolvedWithinSla: { value: null, sample: 0 },
        })}
      />,
    );
    const ack = metric('alertAckMedianHours');
    expect(ack.getByTestId('credibility-not-enough')).toHaveTextContent('Not enough data yet');
    expect(ack.queryByTestId('credibility-value')).not.toBeInTheDocument();
    expect(ack.getByTestId('credibility-sample')).toHaveTextContent('Based on 2 alerts · a result shows from 5');
    expect(metric('alertsResolvedWithinSla').getByTestId('credibility-not-enough')).toBeInTheDocument();
    expect(metric('letterDeliveryMedianDays').getByTestId('credibility-value')).toHaveTextContent('3 days');
    expect(screen.getByTestId('credibility-period')).toHaveTextContent('Period: Dec 1, 2025 to Nov 30, 2026');
  });

  it('writes a time that rounds to nothing in words, never "0 days" or "0 hours"', () => {
    const quick = credibilityFixture({ letterDeliveryMedianDays: { value: 0.02, sample: 40 }, alertAckMedianHours: { value: 0.04, sample: 9 } });
    const { unmount } = render(<CredibilityPanel credibility={quick} />);
    expect(metric('letterDeliveryMedianDays').getByTestId('credibility-value')).toHaveTextContent(/^当天$/);
    expect(metric('alertAckMedianHours').getByTestId('credibility-value')).toHaveTextContent(/^不到 1 小时$/);
    unmount();

    useLocaleStore.getState().setLocale('en-US');
    render(<CredibilityPanel credibility={quick} />);
    expect(metric('letterDeliveryMedianDays').getByTestId('credibility-value')).toHaveTextContent(/^Same day$/);
    expect(metric('alertAckMedianHours').getByTestId('credibility-value')).toHaveTextContent(/^Under an hour$/);
  });
});

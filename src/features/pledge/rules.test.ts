import * as pledge from '../../../domain/pledge';
import * as sponsorship from '../../../domain/sponsorship';
import { CADENCE_OPTIONS, PAYMENTS_PER_YEAR, PLEDGE_ACKNOWLEDGEMENTS, RESERVATION_MINUTES, previewPayments } from './rules';

describe('pledge rules kept in step with the server', () => {
  it('uses the same reservation time, acknowledgements, cadences and payments a year', () => {
    expect(RESERVATION_MINUTES).toBe(pledge.RESERVATION_MINUTES);
    expect([...PLEDGE_ACKNOWLEDGEMENTS]).toEqual([...pledge.PLEDGE_ACKNOWLEDGEMENTS]);
    expect([...CADENCE_OPTIONS]).toEqual([...sponsorship.CADENCES]);
    expect(PAYMENTS_PER_YEAR).toEqual(sponsorship.PAYMENTS_PER_YEAR);
  });

  it.each([
    [300000, 3],
    [480000, 1],
    [123456, 4],
    [100, 2],
    [999999, 6],
  ])('previews the same payments as commitmentFor (%i fen a year, %i years)', (yearlyNeedFen, years) => {
    for (const cadence of CADENCE_OPTIONS) {
      const server = pledge.commitmentFor(yearlyNeedFen, cadence, years, '2026-09-01');
      expect(previewPayments(yearlyNeedFen, cadence, years)).toEqual({
        amountFen: server.amountFen,
        paymentsCount: server.paymentsCount,
        totalFen: server.totalFen,
      });
    }
  });
});

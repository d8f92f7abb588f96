import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { LedgerEntryView } from '@/features/ledger';
import '@/lib/i18n/staff/register';
import { adminMe, signIn } from '@/test/fixtures';
import { mockApi, ok, type SentRequest } from '@/test/http';
import * as Taro from '@/test/taro-mock';
import { ReceiptNumber } from './receipt-number';

const PUT = 'PUT /api/staff/ledger-entries/pay-1/receipt-number';
const payment: LedgerEntryView = { id: 'pay-1', occurredOn: '2026-12-01', amountFen: 90000, description: '微信支付', category: null, payeeLabel: null, receiptUrl: null, receiptNumber: null };
const puts = (sent: SentRequest[]) => sent.filter((s) => s.method === 'PUT');

describe('ReceiptNumber (staff ledger)', () => {
  beforeEach(() => signIn(adminMe));

  it('records a receipt number, refusing one the server would not take', async () => {
    const sent = mockApi({ [PUT]: ok({}) });
    render(<ReceiptNumber entry={payment} />);
    expect(screen.getByTestId('receipt-number')).toHaveTextContent('还没有记录捐赠票据号');
    fireEvent.click(screen.getByTestId('receipt-number-edit'));
    fireEvent.change(screen.getByTestId('receipt-number-input'), { target: { value: '川财 0012' } });
    fireEvent.click(screen.getByTestId('receipt-number-save'));
    expect(screen.getByTestId('field-error')).toHaveTextContent('只能是字母、数字和 -');
    expect(puts(sent)).toHaveLength(0);

    fireEvent.change(screen.getByTestId('receipt-number-input'), { target: { value: ' SC-2026-000123 ' } });
    fireEvent.click(screen.getByTestId('receipt-number-save'));
    await waitFor(() => expect(puts(sent)).toHaveLength(1));
    expect(puts(sent)[0].data).toEqual({ receiptNumber: 'SC-2026-000123' });
    expect(await screen.findByTestId('receipt-number')).toHaveTextContent('票据号 SC-2026-000123');
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '票据号已保存', icon: 'success' });
  });

  it('clears a number saved empty, and offers nothing on a refund row', async () => {
    const sent = mockApi({ [PUT]: ok({}) });
    const { rerender } = render(<ReceiptNumber entry={{ ...payment, receiptNumber: 'SC-1' }} />);
    fireEvent.click(screen.getByTestId('receipt-number-edit'));
    expect(screen.getByTestId('receipt-number-input')).toHaveValue('SC-1');
    fireEvent.change(screen.getByTestId('receipt-number-input'), { target: { value: '' } });
    fireEvent.click(screen.getByTestId('receipt-number-save'));
    await waitFor(() => expect(puts(sent)).toHaveLength(1));
    expect(puts(sent)[0].data).toEqual({ receiptNumber: null });
    expect(await screen.findByTestId('receipt-number')).toHaveTextContent('还没有记录捐赠票据号');

    rerender(<ReceiptNumber key='refund' entry={{ ...payment, id: 'ref-1', amountFen: -30000 }} />);
    expect(screen.queryByTestId('receipt-number')).not.toBeInTheDocument();
  });
});

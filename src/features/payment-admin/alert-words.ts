import { formatDate, formatYuan } from '@/lib/format';
import type { Locale, Translate } from '@/lib/i18n';
import type { PaymentAlertView, ReconciliationDifference } from './api';

type Detail = PaymentAlertView['detail'];

const text = (detail: Detail, key: string): string | null => {
  const value = detail[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
};
const fen = (detail: Detail, key: string): string | null => {
  const value = detail[key];
  return typeof value === 'number' ? formatYuan(value) : null;
};

/**
 * What differed, in words, from an alert's `detail`. A payer's platform id is never shown: only that
 * the payer was someone else. Values the alert lacks leave the plain sentence of its kind.
 */
export function alertDetailWords(t: Translate, locale: Locale, alert: PaymentAlertView): string {
  const { detail } = alert;
  switch (alert.kind) {
    case 'amount_mismatch': {
      const expected = fen(detail, 'expected');
      const received = fen(detail, 'received');
      return expected && received ? t('paymentAdmin.alertDetail.amount', { expected, received }) : t('paymentAdmin.alertDetail.amountPlain');
    }
    case 'merchant_mismatch': {
      const expected = text(detail, 'expected');
      const received = text(detail, 'received');
      return expected && received ? t('paymentAdmin.alertDetail.merchant', { expected, received }) : t('paymentAdmin.alertDetail.merchantPlain');
    }
    case 'payer_mismatch':
      return t('paymentAdmin.alertDetail.payer');
    case 'unknown_order': {
      const amount = fen(detail, 'amountFen');
      const trade = text(detail, 'outTradeNo') ?? '';
      return amount ? t('paymentAdmin.alertDetail.unknown', { trade, amount }) : t('paymentAdmin.alertDetail.unknownNoAmount', { trade });
    }
    case 'refund_failed': {
      const amount = fen(detail, 'amountFen') ?? '';
      const code = text(detail, 'code');
      return code ? t('paymentAdmin.alertDetail.refundFailed', { amount, code }) : t('paymentAdmin.alertDetail.refundFailedPlain', { amount });
    }
    case 'reconciliation': {
      const day = text(detail, 'billDate');
      const count = detail.differenceCount;
      return day && typeof count === 'number'
        ? t('paymentAdmin.alertDetail.reconciliation', { day: formatDate(day, locale), count })
        : t('paymentAdmin.alertDetail.reconciliationPlain');
    }
  }
}

/** One line of a reconciliation report: which trade and how the bill and the ledger differ. */
export function differenceWords(t: Translate, difference: ReconciliationDifference): string {
  const trade = difference.outRefundNo ?? difference.outTradeNo;
  const ledger = difference.ledgerFen === null ? '' : formatYuan(difference.ledgerFen);
  const platform = difference.platformFen === null ? '' : formatYuan(difference.platformFen);
  return t(`paymentAdmin.difference.${difference.kind}`, { trade, ledger, platform });
}

import { Image, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Card, Notice } from '@/components/ui';
import { sponsorRoutes } from '@/features/timeline';
import { formatYuan } from '@/lib/format';
import { useT } from '@/lib/i18n';
import type { ClientPayParams, PaymentOrderView } from '../api';
import type { SheetOutcome } from '../pay-sheet';
import { ReminderButton } from './reminder-button';

export interface OrderResultProps {
  order: PaymentOrderView;
  pay: ClientPayParams;
  sheet: SheetOutcome | null;
  gaveUp: boolean;
  onTryAgain: () => void;
}

function backToLedger(sponsorshipId: string) {
  // From the ledger the pay page is one step on; opened any other way, the ledger replaces it.
  const go = Taro.getCurrentPages().length > 1 ? Taro.navigateBack() : Taro.redirectTo({ url: sponsorRoutes.ledger(sponsorshipId) });
  void Promise.resolve(go).catch(() => undefined);
}

/**
 * What became of an order, as the server knows it: "confirming" whatever the payment sheet said,
 * until a verified notice or a query settles it; the QR code to scan while a browser payment is open.
 */
export function OrderResult({ order, pay, sheet, gaveUp, onTryAgain }: OrderResultProps) {
  const t = useT();
  const platform = t(`pay.platform.${order.platform}`);
  const amount = formatYuan(order.amountFen);

  if (order.status === 'paid') {
    return (
      <Card title={t('pay.paid')} testId='pay-paid'>
        <View className='bx-pay__big'>{t('pay.paidDetail', { amount, count: order.periods })}</View>
        <ReminderButton />
        <Button block onClick={() => backToLedger(order.sponsorshipId)} testId='pay-back-to-ledger'>
          {t('pay.backToLedger')}
        </Button>
      </Card>
    );
  }
  if (order.status === 'closed' || order.status === 'failed') {
    return (
      <Card testId='pay-ended' data={{ 'data-status': order.status }}>
        <Notice tone='warm'>{t(order.status === 'closed' ? 'pay.closed' : 'pay.failed')}</Notice>
        <Button block onClick={onTryAgain} testId='pay-try-again'>
          {t('pay.tryAgain')}
        </Button>
      </Card>
    );
  }
  if (sheet === 'cancelled') {
    return (
      <Card title={t('pay.cancelled')} testId='pay-cancelled'>
        <View className='bx-pay__hint'>{t('pay.cancelledHint')}</View>
        <Button block onClick={onTryAgain} testId='pay-try-again'>
          {t('pay.tryAgain')}
        </Button>
      </Card>
    );
  }
  return (
    <Card testId='pay-confirming'>
      {pay.kind === 'qr' ? (
        <View className='bx-pay__qr' data-testid='pay-qr'>
          <View className='bx-pay__big'>{t('pay.qrTitle', { app: t(`pay.app.${order.platform}`) })}</View>
          <Image className='bx-pay__qr-image' src={pay.qrImage} mode='aspectFit' ariaLabel={t('pay.qrAlt', { platform })} />
          <View className='bx-pay__big' data-testid='pay-qr-amount'>
            {t('pay.qrAmount', { amount })}
          </View>
        </View>
      ) : null}
      {gaveUp ? (
        <Notice tone='info' testId='pay-slow'>
          {t('pay.slow', { platform })}
        </Notice>
      ) : (
        <View className='bx-pay__status' role='status' data-testid='pay-status'>
          <View className='bx-pay__big'>{t('pay.confirming')}</View>
          <View className='bx-pay__hint'>{t('pay.confirmingHint', { platform, amount })}</View>
        </View>
      )}
    </Card>
  );
}

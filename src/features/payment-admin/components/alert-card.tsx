import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { Button, Card, FormFooter, StatusBadge, TextInput } from '@/components/ui';
import { useConfirmedSave } from '@/hooks/use-confirmed-save';
import { formatDateTime, formatYuan } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import { alertDetailWords } from '../alert-words';
import { resolvePaymentAlert, type PaymentAlertView } from '../api';

const NOTE_MAX = 200;

/** One payment alert: what happened in words, the order it concerns, and "resolved" with a note. */
export function AlertCard({ alert, onResolved }: { alert: PaymentAlertView; onResolved: (id: string) => void }) {
  const t = useT();
  const locale = useLocale();
  const [resolving, setResolving] = useState(false);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const { busy, failure, save } = useConfirmedSave();

  const resolve = async () => {
    const text = note.trim();
    setNoteError(text ? null : t('paymentAdmin.alert.noteRequired'));
    if (!text) return;
    const saved = await save({
      confirm: { title: t('paymentAdmin.alert.confirmTitle'), content: t('paymentAdmin.alert.confirmBody', { note: text }), confirm: 'paymentAdmin.alert.confirm' },
      identity: `${alert.id}:${text}`,
      send: (key) => resolvePaymentAlert(alert.id, text, key),
      done: 'paymentAdmin.alert.done',
    });
    if (saved) onResolved(alert.id);
  };

  return (
    <Card testId='payment-alert' data={{ 'data-id': alert.id }} className='bx-payment-admin__card'>
      <View className='bx-payment-admin__head'>
        <StatusBadge tone={alert.resolvedAt ? 'neutral' : 'danger'} value={alert.kind} testId='payment-alert-kind'>
          {t(`paymentAdmin.alertKind.${alert.kind}`)}
        </StatusBadge>
        <Text className='bx-payment-admin__meta'>
          {t('paymentAdmin.alert.raised', { platform: t(`paymentAdmin.platform.${alert.platform}`), at: formatDateTime(alert.createdAt, locale) })}
        </Text>
      </View>
      <View className='bx-payment-admin__line' data-testid='payment-alert-detail'>
        {alertDetailWords(t, locale, alert)}
      </View>
      {alert.order ? (
        <View className='bx-payment-admin__meta' data-testid='payment-alert-order'>
          {t('paymentAdmin.alert.order', {
            sponsor: alert.order.sponsorName,
            student: alert.order.studentName,
            amount: formatYuan(alert.order.amountFen),
            status: t(`paymentAdmin.orderStatus.${alert.order.status}`),
          })}
        </View>
      ) : null}
      {alert.resolvedAt ? (
        <View className='bx-payment-admin__meta' data-testid='payment-alert-resolved'>
          {t('paymentAdmin.alert.resolvedBy', { name: alert.resolvedByName ?? '', at: formatDateTime(alert.resolvedAt, locale) })}
        </View>
      ) : resolving ? (
        <View className='bx-payment-admin__form'>
          <TextInput
            name='note'
            label={t('paymentAdmin.alert.note')}
            hint={t('paymentAdmin.alert.noteHint')}
            value={note}
            onChange={setNote}
            error={noteError}
            testId='payment-alert-note'
            disabled={busy}
            maxlength={NOTE_MAX}
            multiline
          />
          <FormFooter
            error={failure}
            busy={busy}
            submitLabel={t('paymentAdmin.alert.submit')}
            submitTestId='payment-alert-submit'
            onSubmit={() => void resolve()}
            onCancel={() => setResolving(false)}
          />
        </View>
      ) : (
        <Button variant='secondary' testId='payment-alert-resolve' onClick={() => setResolving(true)}>
          {t('paymentAdmin.alert.resolve')}
        </Button>
      )}
    </Card>
  );
}

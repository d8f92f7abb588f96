import { View } from '@tarojs/components';
import { FormFooter, TextInput } from '@/components/ui';
import { useConfirmedSave } from '@/hooks/use-confirmed-save';
import { useForm } from '@/hooks/use-form';
import { formatYuan } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { requestRefund, type RefundView, type StaffPaymentOrderRow } from '../api';
import { amountProblemFromServer, checkRefund, REFUND_REASON_MAX } from '../refund';

interface RefundValues {
  amount: string;
  reason: string;
}

export interface RefundFormProps {
  order: StaffPaymentOrderRow;
  onRefunded: (refund: RefundView) => void;
  onCancel: () => void;
}

/** Refunds all or part of a paid order, after a confirmation; one Idempotency-Key per refund, kept across retries. */
export function RefundForm({ order, onRefunded, onCancel }: RefundFormProps) {
  const t = useT();
  const refundable = order.refundableFen;
  const { values, set, setErrors, errorOf } = useForm<RefundValues>({ amount: '', reason: '' });
  const { busy, failure, save } = useConfirmedSave();

  const submit = async () => {
    const check = checkRefund(values.amount, values.reason, refundable);
    setErrors({
      ...(check.amountError ? { amount: t(`paymentAdmin.refund.amountError.${check.amountError}`, { max: formatYuan(refundable) }) } : {}),
      ...(check.reasonError ? { reason: t(`paymentAdmin.refund.reasonError.${check.reasonError}`, { max: REFUND_REASON_MAX }) } : {}),
    });
    const body = check.body;
    if (!body) return;
    const saved = await save({
      confirm: {
        title: t('paymentAdmin.refund.confirmTitle', { amount: formatYuan(body.amountFen) }),
        content: t('paymentAdmin.refund.confirmBody', { sponsor: order.sponsorName, student: order.studentName, reason: body.reason }),
        confirm: 'paymentAdmin.refund.confirm',
        danger: true,
      },
      identity: `${order.id}:${JSON.stringify(body)}`,
      send: async (key) => {
        try {
          return await requestRefund(order.id, body, key);
        } catch (error) {
          const problem = amountProblemFromServer(error);
          if (problem) setErrors({ amount: problem });
          throw error;
        }
      },
      done: 'paymentAdmin.refund.done',
    });
    if (saved) onRefunded(saved.result);
  };

  return (
    <View className='bx-payment-admin__form' data-testid='refund-form'>
      <View className='bx-payment-admin__form-title'>{t('paymentAdmin.refund.title')}</View>
      <TextInput
        name='amount'
        label={t('paymentAdmin.refund.amount')}
        hint={t('paymentAdmin.refund.amountHint', { max: formatYuan(refundable) })}
        value={values.amount}
        onChange={set('amount')}
        type='digit'
        error={errorOf('amount')}
        testId='refund-amount'
        disabled={busy}
      />
      <TextInput
        name='reason'
        label={t('paymentAdmin.refund.reason')}
        hint={t('paymentAdmin.refund.reasonHint')}
        value={values.reason}
        onChange={set('reason')}
        error={errorOf('reason')}
        testId='refund-reason'
        disabled={busy}
        maxlength={REFUND_REASON_MAX}
      />
      <FormFooter
        error={failure}
        errorTestId='refund-failure'
        busy={busy}
        submitLabel={t('paymentAdmin.refund.submit')}
        submitTestId='refund-submit'
        onSubmit={() => void submit()}
        onCancel={onCancel}
        cancelTestId='refund-cancel'
      />
    </View>
  );
}

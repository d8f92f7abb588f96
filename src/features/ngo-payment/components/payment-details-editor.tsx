import { View } from '@tarojs/components';
import { useEffect, useState, type ReactNode } from 'react';
import {
  EMPTY_PAYMENT_DETAILS,
  PAYMENT_DETAILS_MAX_LENGTH,
  paymentDetailsProblems,
  type NgoPaymentDetails,
  type PaymentDetailsField,
  type PaymentDetailsProblem,
} from '../../../../domain/ngo/payment-details';
import { Button, Card, Notice, PageHeader, StateView, TextInput } from '@/components/ui';
import { useResource } from '@/hooks/use-resource';
import { ApiError, errorMessage } from '@/lib/api-client';
import { confirmAction, toast } from '@/lib/dialog';
import { formatDateTime } from '@/lib/format';
import { useLocale, useT, type Translate } from '@/lib/i18n';
import { fetchPaymentDetails, savePaymentDetails, type PaymentDetailsView } from '../api';
import './payment-details.css';

const FIELDS: readonly PaymentDetailsField[] = Object.keys(EMPTY_PAYMENT_DETAILS) as PaymentDetailsField[];

function formOf(view: PaymentDetailsView): NgoPaymentDetails {
  return Object.fromEntries(FIELDS.map((field) => [field, view[field]])) as unknown as NgoPaymentDetails;
}

function problemText(t: Translate, problem: PaymentDetailsProblem): string {
  return problem.code === 'too_long'
    ? t('paymentDetails.problem.too_long', { max: PAYMENT_DETAILS_MAX_LENGTH[problem.field] })
    : t(`paymentDetails.problem.${problem.code}`);
}

/** The server's field problems (`body.contactPhone`) by field, for a save the form's own checks let through. */
function serverProblems(error: unknown): Partial<Record<PaymentDetailsField, string>> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(
    error.details
      .map((d) => [d.field.replace(/^body\./, ''), d.message] as const)
      .filter(([field]) => (FIELDS as readonly string[]).includes(field)),
  );
}

/**
 * How sponsors pay the NGO and whom they ask: the NGO admin fills it in and saves after a confirmation
 * (sponsors transfer money by it); caseworkers read it. Checked as typed with the server's own rules.
 */
export function PaymentDetailsEditor({ headerAction }: { headerAction?: ReactNode }) {
  const t = useT();
  const locale = useLocale();
  const resource = useResource('payment-details', fetchPaymentDetails);
  const [form, setForm] = useState<NgoPaymentDetails>(EMPTY_PAYMENT_DETAILS);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [fromServer, setFromServer] = useState<Partial<Record<PaymentDetailsField, string>>>({});

  const view = resource.data;
  useEffect(() => {
    if (view) setForm(formOf(view));
  }, [view]);

  if (!view) {
    if (resource.status === 'error') return <StateView state='error' message={resource.error ?? undefined} onRetry={() => void resource.reload()} />;
    return <StateView state='loading' />;
  }

  const editable = view.editable;
  const problems = paymentDetailsProblems(form);
  const errorAt = (field: PaymentDetailsField): string | null => {
    const problem = problems.find((p) => p.field === field);
    if (tried && problem) return problemText(t, problem);
    return fromServer[field] ?? null;
  };
  const set = (field: PaymentDetailsField) => (value: string) => {
    setForm((current) => ({ ...current, [field]: value }));
    setFromServer((current) => ({ ...current, [field]: undefined }));
  };
  const input = (field: PaymentDetailsField, extra: { hint?: string; placeholder?: string; multiline?: boolean } = {}) => (
    <TextInput
      label={t(`paymentDetails.field.${field}`)}
      name={field}
      testId={`payment-details-${field}`}
      value={form[field]}
      onChange={set(field)}
      error={errorAt(field)}
      disabled={!editable || busy}
      maxlength={PAYMENT_DETAILS_MAX_LENGTH[field]}
      {...extra}
    />
  );

  const save = async () => {
    setTried(true);
    setFailure(null);
    if (problems.length > 0) return;
    const confirmed = await confirmAction({
      title: t('paymentDetails.confirmTitle'),
      content: form.bankAccountNumber ? t('paymentDetails.confirmBody', { number: form.bankAccountNumber.trim() }) : t('paymentDetails.confirmBodyNoAccount'),
      confirm: 'paymentDetails.confirmSave',
    });
    if (!confirmed) return;
    setBusy(true);
    try {
      const saved = await savePaymentDetails(form);
      resource.replace(saved);
      setTried(false);
      toast('paymentDetails.saved');
    } catch (error) {
      setFromServer(serverProblems(error));
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='bx-payment-details' data-testid='payment-details'>
      <PageHeader title={t('paymentDetails.title')} subtitle={view.ngoName} action={headerAction} />
      <Notice tone='info'>{t(editable ? 'paymentDetails.intro' : 'paymentDetails.readOnly')}</Notice>
      <View className='bx-payment-details__updated' data-testid='payment-details-updated'>
        {view.updatedAt ? t('paymentDetails.updatedAt', { at: formatDateTime(view.updatedAt, locale) }) : t('paymentDetails.neverSet')}
      </View>
      <Card title={t('paymentDetails.orgTitle')} testId='payment-details-org'>
        {input('creditCode', { hint: t('paymentDetails.hint.creditCode') })}
      </Card>
      <Card title={t('paymentDetails.bankTitle')} testId='payment-details-bank'>
        {input('bankAccountName')}
        {input('bankName', { hint: t('paymentDetails.hint.bankName') })}
        {input('bankAccountNumber', { hint: t('paymentDetails.hint.bankAccountNumber') })}
        {input('paymentInstructions', { hint: t('paymentDetails.hint.paymentInstructions'), multiline: true })}
      </Card>
      <Card title={t('paymentDetails.contactTitle')} testId='payment-details-contact'>
        {input('contactName')}
        {input('contactPhone', { hint: t('paymentDetails.hint.contactPhone') })}
        {input('contactEmail')}
      </Card>
      {failure ? (
        <Notice tone='danger' testId='payment-details-failure'>
          {failure}
        </Notice>
      ) : null}
      {editable ? (
        <Button block loading={busy} testId='payment-details-save' onClick={() => void save()}>
          {t('paymentDetails.save')}
        </Button>
      ) : null}
    </View>
  );
}

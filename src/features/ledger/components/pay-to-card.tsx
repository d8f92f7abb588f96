import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { PayTo } from '../../../../domain/api/ngo';
import { Button, Card, Notice } from '@/components/ui';
import { copyText, PrivacyPopup } from '@/features/privacy';
import { note } from '@/lib/dialog';
import { useT } from '@/lib/i18n';
import './ledger.css';

async function copy(value: string, done: string) {
  try {
    if (await copyText(value)) note(done);
  } catch {
    // The platform refused the clipboard; the value stays on screen to copy by hand.
  }
}

function Row({ label, value, copyLabel, testId }: { label: string; value: string; copyLabel?: string; testId: string }) {
  const t = useT();
  return (
    <View className='bx-pay-to__row' data-testid={testId}>
      <Text className='bx-pay-to__label'>{label}</Text>
      <Text className='bx-pay-to__value' userSelect>
        {value}
      </Text>
      {copyLabel ? (
        <Button variant='quiet' label={copyLabel} testId={`${testId}-copy`} onClick={() => void copy(value.replace(/\s/g, ''), t('ledger.payTo.copied'))}>
          {t('ledger.payTo.copy')}
        </Button>
      ) : null}
    </View>
  );
}

/**
 * Whom the sponsor pays and how: the NGO's bank account (account number and memo reference a tap from
 * the clipboard), its own words on paying, and whom to ask. What the NGO has not filled in is not shown.
 */
export function PayToCard({ payTo }: { payTo: PayTo }) {
  const t = useT();
  const { bankTransfer, contact } = payTo;
  const call = (phone: string) => void Promise.resolve(Taro.makePhoneCall({ phoneNumber: phone.replace(/[^\d+]/g, '') })).catch(() => undefined);
  return (
    <Card title={t('ledger.payTo.title', { ngo: payTo.ngoName })} testId='pay-to'>
      <View className='bx-pay-to'>
        {bankTransfer ? (
          <>
            <Row label={t('ledger.payTo.accountName')} value={bankTransfer.accountName} testId='pay-to-account-name' />
            <Row label={t('ledger.payTo.bank')} value={bankTransfer.bankName} testId='pay-to-bank' />
            <Row label={t('ledger.payTo.accountNumber')} value={bankTransfer.accountNumber} copyLabel={t('ledger.payTo.copyAccountNumber')} testId='pay-to-account-number' />
            <Row label={t('ledger.payTo.memo')} value={payTo.reference} copyLabel={t('ledger.payTo.copyMemo')} testId='pay-to-reference' />
            <View className='bx-pay-to__hint'>{t('ledger.payTo.memoHint')}</View>
          </>
        ) : (
          <Notice tone='warm' testId='pay-to-no-account'>
            {t(contact ? 'ledger.payTo.noAccount' : 'ledger.payTo.noAccountNoContact', { ngo: payTo.ngoName, reference: payTo.reference })}
          </Notice>
        )}
        {payTo.instructions ? (
          <View className='bx-pay-to__instructions' data-testid='pay-to-instructions'>
            {payTo.instructions}
          </View>
        ) : null}
        {contact ? (
          <View className='bx-pay-to__contact' data-testid='pay-to-contact'>
            <Text className='bx-pay-to__label'>{t('ledger.payTo.contact')}</Text>
            <Text className='bx-pay-to__value'>{contact.name}</Text>
            {contact.officePhone ? (
              <View
                className='bx-pay-to__link'
                role='button'
                ariaLabel={t('ledger.payTo.callLabel', { name: contact.name, phone: contact.officePhone })}
                data-testid='pay-to-phone'
                onClick={() => call(contact.officePhone!)}
              >
                {contact.officePhone}
              </View>
            ) : null}
            {contact.email ? (
              <Text className='bx-pay-to__value' userSelect data-testid='pay-to-email'>
                {contact.email}
              </Text>
            ) : null}
          </View>
        ) : null}
      </View>
      <PrivacyPopup />
    </Card>
  );
}

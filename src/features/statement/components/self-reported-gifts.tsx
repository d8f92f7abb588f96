import { View } from '@tarojs/components';
import { useState } from 'react';
import { Button, ListItem, Notice, Section } from '@/components/ui';
import { errorMessage } from '@/lib/api-client';
import { confirmAction, toast } from '@/lib/dialog';
import { formatDate, formatYuan } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import { deleteGift, type SelfReportedGift, type Statement } from '../api';
import { GiftForm } from './gift-form';

export interface SelfReportedGiftsProps {
  statement: Statement;
  /** A gift was added or deleted: the statement (and its years) changed. */
  onChanged: (added?: SelfReportedGift) => void;
  now?: Date;
}

/** Gifts the sponsor made elsewhere in this year: marked self-reported, with their own subtotal; add and delete. */
export function SelfReportedGifts({ statement, onChanged, now }: SelfReportedGiftsProps) {
  const t = useT();
  const locale = useLocale();
  const [adding, setAdding] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const remove = async (gift: SelfReportedGift) => {
    setFailure(null);
    const amount = formatYuan(gift.amountFen);
    const yes = await confirmAction({
      title: t('statement.deleteGiftTitle'),
      content: t('statement.deleteGiftBody', { date: formatDate(gift.givenOn, locale), recipient: gift.recipient, amount }),
      confirm: 'statement.deleteGiftConfirm',
      danger: true,
    });
    if (!yes) return;
    try {
      await deleteGift(gift.id);
      toast('statement.giftDeleted');
      onChanged();
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  return (
    <Section title={t('statement.gifts')} hint={t('statement.giftsHint')} testId='statement-gifts'>
      {statement.selfReported.length === 0 ? (
        <View className='bx-statement__detail' data-testid='statement-gifts-empty'>
          {t('statement.giftsEmpty', { year: statement.year })}
        </View>
      ) : (
        <>
          {statement.selfReported.map((gift) => (
            <ListItem
              key={gift.id}
              testId='statement-gift'
              title={`${formatDate(gift.givenOn, locale)} · ${gift.recipient}`}
              subtitle={[t('statement.selfReported'), gift.note].filter(Boolean).join(' · ')}
              extra={
                <View className='bx-statement__actions'>
                  <View>{formatYuan(gift.amountFen)}</View>
                  <Button variant='quiet' label={t('statement.deleteGift', { recipient: gift.recipient })} onClick={() => void remove(gift)} testId='statement-gift-delete'>
                    {t('statement.deleteGiftConfirm')}
                  </Button>
                </View>
              }
            />
          ))}
          <View className='bx-statement__total' data-testid='statement-gifts-total'>
            {t('statement.giftsTotal', { amount: formatYuan(statement.selfReportedTotalFen) })}
          </View>
        </>
      )}
      {failure ? (
        <Notice tone='danger' testId='statement-gift-failure'>
          {failure}
        </Notice>
      ) : null}
      {adding ? (
        <GiftForm
          now={now}
          onCancel={() => setAdding(false)}
          onSaved={(gift) => {
            setAdding(false);
            onChanged(gift);
          }}
        />
      ) : (
        <Button variant='secondary' onClick={() => setAdding(true)} testId='statement-add-gift'>
          {t('statement.addGift')}
        </Button>
      )}
    </Section>
  );
}

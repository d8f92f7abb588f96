import { Text, View } from '@tarojs/components';
import { cx, Notice, Section } from '@/components/ui';
import { useT } from '@/lib/i18n';
import type { FlagCaseView } from '../api';
import { categoryWords } from '../flag-words';
import { passagePieces } from '../passage';

/** The student's words as assessed, the flagged passages highlighted (and named for screen readers), and what they may show. */
export function FlagPassage({ view }: { view: FlagCaseView }) {
  const t = useT();
  return (
    <Section title={t('care.passage')} hint={t('care.passageHint')} testId='flag-passage'>
      <View className='bx-care-passage' data-testid='flag-text'>
        {passagePieces(view.text, view.findings).map((piece, index) => {
          const first = piece.findings[0];
          if (!first) return <Text key={index}>{piece.text}</Text>;
          const urgent = piece.findings.some((finding) => finding.level === 'urgent');
          return (
            <Text
              key={index}
              className={cx('bx-care-passage__mark', urgent && 'bx-care-passage__mark--urgent')}
              data-testid='flag-mark'
              data-category={first.category}
              aria-label={t('care.markLabel', { category: categoryWords(t, piece.findings.map((f) => f.category)), text: piece.text })}
            >
              {piece.text}
            </Text>
          );
        })}
      </View>
      <View className='bx-care-passage__categories' data-testid='flag-categories'>
        {t('care.categories', { list: categoryWords(t, view.flag.categories) })}
      </View>
      {view.letter?.status === 'held' && view.flag.status !== 'resolved' ? (
        <Notice tone='info' testId='flag-letter-held'>
          {t('care.letterHeld')}
        </Notice>
      ) : null}
    </Section>
  );
}

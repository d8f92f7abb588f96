import { Text, View } from '@tarojs/components';
import type { LetterFinding, Redaction } from '../api';
import { useT } from '@/lib/i18n';
import { REDACTION_MARK, segmentText } from '../text-spans';
import './letters.css';

/** Letter text with each finding's passage highlighted (`data-testid="finding-<category>"`). */
export function TextWithFindings({ text, findings, testId }: { text: string; findings: readonly LetterFinding[]; testId?: string }) {
  const t = useT();
  return (
    <View className='bx-letter-text' data-testid={testId}>
      {segmentText(text, findings).map((segment, index) => {
        const first = segment.marks[0];
        return first ? (
          <Text
            key={index}
            className='bx-letter-text__finding'
            data-testid={`finding-${first.category}`}
            aria-label={`${t(`finding.${first.category}`)}: ${segment.text}`}
          >
            {segment.text}
          </Text>
        ) : (
          <Text key={index}>{segment.text}</Text>
        );
      })}
    </View>
  );
}

/** The writer's copy of a letter a caseworker delivered with passages removed: those passages struck. */
export function TextWithRedactions({ text, redactions, testId }: { text: string; redactions: readonly Redaction[]; testId?: string }) {
  return (
    <View className='bx-letter-text' data-testid={testId}>
      {segmentText(text, redactions).map((segment, index) =>
        segment.marks.length ? (
          <Text key={index} className='bx-letter-text__redacted' data-testid='redacted-passage'>
            {segment.text}
          </Text>
        ) : (
          <Text key={index}>{segment.text}</Text>
        ),
      )}
    </View>
  );
}

/** Text as the reader gets it: removed passages arrive as ■■■ and are shown as such. */
export function TextAsDelivered({ text, testId }: { text: string; testId?: string }) {
  const parts = text.split(REDACTION_MARK);
  return (
    <View className='bx-letter-text' data-testid={testId}>
      {parts.map((part, index) => (
        <Text key={index}>
          {part}
          {index < parts.length - 1 ? (
            <Text className='bx-letter-text__mark' data-testid='redaction-mark'>
              {REDACTION_MARK}
            </Text>
          ) : null}
        </Text>
      ))}
    </View>
  );
}

export function FindingList({ findings }: { findings: readonly LetterFinding[] }) {
  const t = useT();
  return (
    <View className='bx-findings' role='list'>
      {findings.map((finding, index) => (
        <View key={index} className='bx-findings__item' role='listitem' data-testid='letter-finding' data-category={finding.category}>
          <Text className='bx-findings__category'>{t(`finding.${finding.category}`)}</Text>
          <Text className='bx-findings__excerpt'>“{finding.excerpt}”</Text>
          <View className='bx-findings__message'>{finding.message}</View>
        </View>
      ))}
    </View>
  );
}

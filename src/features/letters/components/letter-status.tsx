import type { LetterStatus } from '../../../../domain/letters';
import { StatusBadge, type BadgeTone } from '@/components/ui';
import { useT, type MessageKey } from '@/lib/i18n';

const WRITER_TONE: Record<LetterStatus, BadgeTone> = {
  draft: 'neutral',
  submitted: 'info',
  screened: 'info',
  held: 'info',
  approved: 'info',
  returned: 'danger',
  delivered: 'success',
  read: 'success',
  replied: 'success',
  withdrawn: 'neutral',
};

/** The status as its writer or its reader should read it ("waiting for review", "new"…). */
export function letterStatusLabel(status: LetterStatus, mine: boolean): MessageKey {
  if (!mine && (status === 'delivered' || status === 'read' || status === 'replied')) return `letterStatus.reader.${status}`;
  return `letterStatus.${status}`;
}

export function isUnreadForMe(letter: { mine: boolean; status: LetterStatus }): boolean {
  return !letter.mine && letter.status === 'delivered';
}

export function LetterStatusBadge({ status, mine, testId = 'letter-status' }: { status: LetterStatus; mine: boolean; testId?: string }) {
  const t = useT();
  const tone: BadgeTone = mine ? WRITER_TONE[status] : status === 'delivered' ? 'warning' : 'neutral';
  return (
    <StatusBadge tone={tone} testId={testId} value={status}>
      {t(letterStatusLabel(status, mine))}
    </StatusBadge>
  );
}

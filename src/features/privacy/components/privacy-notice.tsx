import { View } from '@tarojs/components';
import { useState } from 'react';
import { Card, PageHeader, Segmented } from '@/components/ui';
import { useMe } from '@/features/auth';
import { useT, type MessageKey } from '@/lib/i18n';
import type { Role } from '../../../../domain/roles';
import './privacy.css';

export const PRIVACY_ROLES = ['sponsor', 'student', 'staff'] as const;
export type PrivacyRole = (typeof PRIVACY_ROLES)[number];

const PARTS = ['collected', 'why', 'shared', 'kept', 'rights'] as const;
const FOR_EVERYONE = ['device', 'protection', 'contact'] as const;

export const isPrivacyRole = (value: string | undefined): value is PrivacyRole => PRIVACY_ROLES.includes(value as PrivacyRole);

const privacyRoleOf = (role: Role): PrivacyRole => (role === 'sponsor' || role === 'student' ? role : 'staff');

/** One catalog text as a list, a line an item: short lines read well in large text too. */
function Lines({ text, testId }: { text: string; testId: string }) {
  return (
    <View className='bx-privacy__list' role='list' data-testid={testId}>
      {text.split('\n').map((line) => (
        <View key={line} className='bx-privacy__item' role='listitem'>
          {line}
        </View>
      ))}
    </View>
  );
}

export interface PrivacyNoticeProps {
  /** Whose information to show first; otherwise the signed-in person's, or a sponsor's. */
  role?: PrivacyRole;
}

/**
 * What Banxue collects about sponsors, students and NGO staff: why, who sees it, how long it is kept
 * and what each can do about it; then what holds for everyone. In the reader's language.
 */
export function PrivacyNotice({ role: initialRole }: PrivacyNoticeProps) {
  const t = useT();
  const me = useMe();
  const [role, setRole] = useState<PrivacyRole>(initialRole ?? (me ? privacyRoleOf(me.role) : 'sponsor'));
  return (
    <View className='bx-privacy' data-testid='privacy-notice'>
      <PageHeader title={t('privacy.title')} subtitle={t('privacy.intro')} />
      <Segmented
        label={t('privacy.whose')}
        value={role}
        onChange={setRole}
        testIdPrefix='privacy-role'
        options={PRIVACY_ROLES.map((value) => ({ value, label: t(`privacy.role.${value}`) }))}
      />
      <View className='bx-privacy' data-testid={`privacy-for-${role}`}>
        {PARTS.map((part) => (
          <Card key={part} title={t(`privacy.part.${part}`)} testId={`privacy-${part}`}>
            <Lines text={t(`privacy.${role}.${part}` as MessageKey)} testId={`privacy-${part}-items`} />
          </Card>
        ))}
      </View>
      {FOR_EVERYONE.map((part) => (
        <Card key={part} title={t(`privacy.${part}Title` as MessageKey)} testId={`privacy-${part}`}>
          <Lines text={t(`privacy.${part}` as MessageKey)} testId={`privacy-${part}-items`} />
        </Card>
      ))}
    </View>
  );
}

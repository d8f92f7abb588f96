import Taro, { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Card, Notice } from '@/components/ui';
import { useT } from '@/lib/i18n';
import { letterRoutes } from '@/lib/routes';
import { fetchLetters } from '../api';
import { isUnreadForMe } from './letter-status';
import './letters.css';

const FIRST_PAGE = 20;

type Info = { state: 'loading' } | { state: 'ready'; unread: number; more: boolean } | { state: 'error' };

export interface StudentLetterLinksProps {
  /** The sponsor's display name, or null while the student is still waiting for one. */
  sponsorName: string | null;
  /** The sponsorship new letters go to (from the student's profile). */
  sponsorshipId: string | null;
}

/** On the student's home: the way to their sponsor's letters and to writing one. */
export function StudentLetterLinks({ sponsorName, sponsorshipId }: StudentLetterLinksProps) {
  const t = useT();
  const routes = letterRoutes('student');
  const [info, setInfo] = useState<Info>({ state: 'loading' });

  const load = useCallback(async () => {
    try {
      const page = await fetchLetters({ limit: FIRST_PAGE });
      setInfo({
        state: 'ready',
        unread: page.items.filter(isUnreadForMe).length,
        more: page.nextCursor !== null,
      });
    } catch {
      setInfo({ state: 'error' });
    }
  }, []);

  useEffect(() => {
    if (sponsorName) void load();
  }, [load, sponsorName]);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current && sponsorName) void load();
    shown.current = true;
  });

  if (!sponsorName) {
    return (
      <Notice tone='info' testId='student-letters-no-sponsor'>
        {t('studentLetters.noSponsor')}
      </Notice>
    );
  }

  const unread = info.state === 'ready' ? info.unread : 0;
  return (
    <Card title={t('studentLetters.title')} testId='student-letters'>
      <View className='bx-letters__actions'>
        <Button
          variant={unread > 0 ? 'primary' : 'secondary'}
          block
          testId='student-letters-open'
          onClick={() => void Taro.navigateTo({ url: routes.list(sponsorshipId ?? undefined) })}
        >
          {unread > 0
            ? t('studentLetters.openUnread', { count: info.state === 'ready' && info.more ? `${unread}+` : unread })
            : t('studentLetters.open')}
        </Button>
        {sponsorshipId ? (
          <Button
            variant='secondary'
            block
            testId='student-letters-write'
            onClick={() => void Taro.navigateTo({ url: routes.compose(sponsorshipId, sponsorName) })}
          >
            {t('studentLetters.write')}
          </Button>
        ) : null}
      </View>
      <View className='bx-letters__hint'>{t('compose.studentNote')}</View>
    </Card>
  );
}

import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui';
import { useT } from '@/lib/i18n';
import { ROUTES } from '@/lib/routes';
import { fetchHeldLetters } from '../api';

const COUNT_PAGE = 50;

/** "Review letters (N)" on the staff home: N from the first page of the held queue. */
export function ReviewLink() {
  const t = useT();
  const [count, setCount] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const page = await fetchHeldLetters({ limit: COUNT_PAGE });
      setCount(page.nextCursor ? `${page.items.length}+` : String(page.items.length));
    } catch {
      // The link still works without its number.
      setCount(null);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void load();
    shown.current = true;
  });

  const shownCount = count ?? '…';
  return (
    <Button
      variant={count && count !== '0' ? 'primary' : 'secondary'}
      label={t('review.linkLabel', { count: shownCount })}
      testId='review-link'
      onClick={() => void Taro.navigateTo({ url: ROUTES.staffReview })}
    >
      {t('review.link', { count: shownCount })}
    </Button>
  );
}

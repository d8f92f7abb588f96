import { View } from '@tarojs/components';
import { useT } from '@/lib/i18n';
import { Button } from './button';
import './list-footer.css';

export interface ListFooterProps {
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}

/** Below a paginated list: "Load more" (reaching the bottom does the same), or a quiet end marker. */
export function ListFooter({ hasMore, loadingMore, onLoadMore }: ListFooterProps) {
  const t = useT();
  return (
    <View className='bx-list-footer'>
      {hasMore ? (
        <Button variant='secondary' block loading={loadingMore} onClick={onLoadMore} testId='load-more'>
          {loadingMore ? t('common.loadingMore') : t('common.loadMore')}
        </Button>
      ) : (
        <View className='bx-list-footer__end' data-testid='list-end'>
          {t('common.noMore')}
        </View>
      )}
    </View>
  );
}

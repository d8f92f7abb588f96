import { Text, View } from '@tarojs/components';
import { Button } from '@/components/ui';
import { copyText } from '@/features/privacy';
import { note } from '@/lib/dialog';
import { useT } from '@/lib/i18n';

/** Where the platform sends this NGO's payment notices: copied into the platform's merchant console. */
export function NoticeUrl({ url, testId }: { url: string | null; testId: string }) {
  const t = useT();
  const copy = async (value: string) => {
    try {
      if (await copyText(value)) note(t('merchants.noticeUrlCopied'));
    } catch {
      // The platform refused the clipboard; the address stays on screen to copy by hand.
    }
  };
  return (
    <View className='bx-merchants__notice-url' data-testid={testId}>
      <View className='bx-merchants__label'>{t('merchants.noticeUrl')}</View>
      {url ? (
        <>
          <Text className='bx-merchants__url' userSelect data-testid={`${testId}-value`}>
            {url}
          </Text>
          <Button variant='quiet' label={t('merchants.noticeUrlCopyLabel')} testId={`${testId}-copy`} onClick={() => void copy(url)}>
            {t('merchants.copy')}
          </Button>
          <View className='bx-merchants__hint'>{t('merchants.noticeUrlHint')}</View>
        </>
      ) : (
        <View className='bx-merchants__hint'>{t('merchants.noticeUrlLater')}</View>
      )}
    </View>
  );
}

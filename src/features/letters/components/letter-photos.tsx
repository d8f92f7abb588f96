import Taro from '@tarojs/taro';
import { Image, View } from '@tarojs/components';
import type { LetterDetail } from '../api';
import { buildUrl } from '@/lib/api-client';
import { useT } from '@/lib/i18n';
import './letters.css';

/** A letter's photos; tap one to see them full size. */
export function LetterPhotos({ photos }: { photos: LetterDetail['photos'] }) {
  const t = useT();
  if (photos.length === 0) return null;
  // The server answers with paths; mini-programs need them on the API's own origin.
  const urls = photos.map((photo) => buildUrl(photo.url));
  return (
    <View className='bx-photos' data-testid='letter-photos'>
      {photos.map((photo, index) => (
        <View
          key={photo.id}
          className='bx-photos__item'
          role='button'
          ariaLabel={t('letter.photoLabel', { index: index + 1 })}
          data-testid='letter-photo'
          onClick={() => void Promise.resolve(Taro.previewImage({ current: urls[index], urls })).catch(() => undefined)}
        >
          <Image className='bx-photos__image' src={urls[index]} mode='aspectFill' lazyLoad ariaLabel={t('compose.photoAlt', { index: index + 1 })} />
        </View>
      ))}
    </View>
  );
}

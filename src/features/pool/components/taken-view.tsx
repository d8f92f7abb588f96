import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { PoolStudent } from '../../../../domain/api/pool';
import { Button, Notice, Section } from '@/components/ui';
import { useT } from '@/lib/i18n';
import { poolRoutes } from '../routes';
import { PoolStudentCard } from './pool-student-card';
import './pool.css';

export interface TakenViewProps {
  similar: readonly PoolStudent[];
  afterLeaving?: string;
  /** Open the similar students in place of this page (the review step), or on top of it. */
  replace?: boolean;
}

/** The student already has someone supporting them: said kindly, with students still waiting. */
export function TakenView({ similar, afterLeaving, replace = false }: TakenViewProps) {
  const t = useT();
  const open = (url: string) => void (replace ? Taro.redirectTo({ url }) : Taro.navigateTo({ url }));
  return (
    <View className='bx-pool-taken' data-testid='pool-taken'>
      <Notice tone='info' testId='pool-taken-message'>
        {t('pool.taken')}
      </Notice>
      {similar.length > 0 ? (
        <Section title={t('pool.similarTitle')} hint={t('pool.similarHint')} testId='pool-similar'>
          {similar.map((student) => (
            <PoolStudentCard
              key={student.id}
              student={student}
              testId='pool-similar-card'
              onOpen={() => open(poolRoutes.student(student.id, afterLeaving))}
            />
          ))}
        </Section>
      ) : null}
      <Button variant='secondary' block testId='pool-taken-browse' onClick={() => open(poolRoutes.pool(afterLeaving))}>
        {t('pool.browseAll')}
      </Button>
    </View>
  );
}

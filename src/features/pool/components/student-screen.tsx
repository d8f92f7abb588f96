import { View } from '@tarojs/components';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { PoolStudent, PoolStudentResponse } from '../../../../domain/api/pool';
import { Section, StateView } from '@/components/ui';
import { CredibilityPanel } from '@/features/credibility';
import { errorMessage } from '@/lib/api-client';
import { useT } from '@/lib/i18n';
import { fetchPoolStudent } from '../api';
import { PoolStudentCard } from './pool-student-card';
import { TakenView } from './taken-view';
import './pool.css';

export interface StudentActionContext {
  /** The student turned out to be taken (e.g. someone reserved them a moment ago): show the alternatives. */
  onTaken: () => void;
}

export interface StudentScreenProps {
  id: string;
  afterLeaving?: string;
  /** The "Sponsor this student" part, provided by the pledge feature. */
  renderAction: (student: PoolStudent, context: StudentActionContext) => ReactNode;
}

type State = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'loaded'; answer: PoolStudentResponse };

/** One waiting student in full, the partner NGO's record and how it pays out, and the way to sponsor them. */
export function StudentScreen({ id, afterLeaving, renderAction }: StudentScreenProps) {
  const t = useT();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const generation = useRef(0);

  const load = useCallback(async () => {
    const mine = ++generation.current;
    setState({ kind: 'loading' });
    try {
      const answer = await fetchPoolStudent(id);
      if (mine === generation.current) setState({ kind: 'loaded', answer });
    } catch (failure) {
      if (mine === generation.current) setState({ kind: 'error', message: errorMessage(failure) });
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  if (state.kind === 'loading') return <StateView state='loading' />;
  if (state.kind === 'error') return <StateView state='error' message={state.message} onRetry={() => void load()} />;

  const { answer } = state;
  if (answer.availability === 'taken') {
    return (
      <View className='bx-pool-student' data-testid='pool-student' data-availability='taken'>
        <TakenView similar={answer.similar} afterLeaving={afterLeaving} />
      </View>
    );
  }
  return (
    <View className='bx-pool-student' data-testid='pool-student' data-availability='waiting' data-id={answer.student.id}>
      <PoolStudentCard student={answer.student} variant='full' testId='pool-student-card' />
      {renderAction(answer.student, { onTaken: () => void load() })}
      <CredibilityPanel credibility={answer.credibility} />
      <Section title={t('pool.policyTitle')} testId='pool-student-policy'>
        <View className='bx-pool-policy'>{answer.disbursementPolicy}</View>
      </Section>
    </View>
  );
}

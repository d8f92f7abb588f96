import type { PoolStudent } from '../../../domain/api/pool';

/** A waiting student as GET /api/pool answers it, for tests. */
export function poolStudent(id: string, overrides: Partial<PoolStudent> = {}): PoolStudent {
  return {
    id,
    displayName: '小雨',
    age: 14,
    grade: 8,
    schoolStage: 'middle',
    province: '四川',
    city: '凉山',
    story: '喜欢画画，想当美术老师。家里靠奶奶种地。',
    photoUrl: null,
    yearlyNeedFen: 300000,
    yearsToGraduation: 2,
    ngo: { id: 'ngo-1', name: '凉山助学会' },
    waitingSince: '2026-03-01T02:00:00Z',
    ...overrides,
  };
}

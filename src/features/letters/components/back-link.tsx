import { BackLink as UiBackLink } from '@/components/ui';

/** The letter pages' way back on h5. */
export function BackLink({ fallback }: { fallback: string }) {
  return <UiBackLink fallback={fallback} testId='letters-back' />;
}

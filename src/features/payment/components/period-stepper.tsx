import { Text, View } from '@tarojs/components';
import { Button } from '@/components/ui';
import { useT } from '@/lib/i18n';

export interface PeriodStepperProps {
  value: number;
  max: number;
  onChange: (periods: number) => void;
  disabled?: boolean;
}

/** How many periods to pay: large − and + buttons around the count, 1 to `max`. */
export function PeriodStepper({ value, max, onChange, disabled = false }: PeriodStepperProps) {
  const t = useT();
  return (
    <View className='bx-pay-stepper' role='group' ariaLabel={t('pay.periods')} data-testid='pay-stepper'>
      <Button variant='secondary' label={t('pay.fewer')} disabled={disabled || value <= 1} onClick={() => onChange(value - 1)} testId='pay-fewer'>
        −
      </Button>
      <Text className='bx-pay-stepper__value' data-testid='pay-periods' data-periods={String(value)} aria-live='polite'>
        {t('pay.periodsValue', { count: value })}
      </Text>
      <Button variant='secondary' label={t('pay.more')} disabled={disabled || value >= max} onClick={() => onChange(value + 1)} testId='pay-more'>
        +
      </Button>
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import { cx } from '@/components/ui';
import './pledge.css';

export interface AckCheckProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: string;
  /** What is being confirmed, for screen readers ("I understand: the whole commitment"). */
  ariaLabel: string;
  disabled?: boolean;
  testId?: string;
}

/** A large, whole-row checkbox: "I understand". */
export function AckCheck({ checked, onChange, label, ariaLabel, disabled = false, testId }: AckCheckProps) {
  return (
    <View
      className={cx('bx-ack', checked && 'bx-ack--checked', disabled && 'bx-ack--disabled')}
      hoverClass={disabled ? 'none' : 'bx-ack--pressed'}
      role='checkbox'
      aria-checked={checked ? 'true' : 'false'}
      aria-disabled={disabled ? 'true' : undefined}
      ariaLabel={ariaLabel}
      data-testid={testId}
      data-checked={checked ? 'true' : 'false'}
      onClick={() => {
        if (!disabled) onChange(!checked);
      }}
    >
      <View className='bx-ack__box' aria-hidden='true'>
        {checked ? <Text className='bx-ack__tick'>✓</Text> : null}
      </View>
      <Text className='bx-ack__label'>{label}</Text>
    </View>
  );
}

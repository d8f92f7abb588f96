import { View } from '@tarojs/components';
import { cx } from './class-names';
import './segmented.css';

export interface SegmentedOption<V extends string> {
  value: V;
  label: string;
}

export interface SegmentedProps<V extends string> {
  options: ReadonlyArray<SegmentedOption<V>>;
  value: V;
  onChange: (value: V) => void;
  /** What the choice is about, for screen readers ("Language"). */
  label: string;
  /** Each option gets `data-testid="<testIdPrefix>-<value>"`. */
  testIdPrefix?: string;
}

/** A small set of mutually exclusive choices (language, mine/all). */
export function Segmented<V extends string>({ options, value, onChange, label, testIdPrefix }: SegmentedProps<V>) {
  return (
    <View className='bx-segmented' role='radiogroup' ariaLabel={label}>
      {options.map((option) => {
        const selected = option.value === value;
        return (
          <View
            key={option.value}
            className={cx('bx-segmented__option', selected && 'bx-segmented__option--selected')}
            role='radio'
            aria-checked={selected ? 'true' : 'false'}
            data-testid={testIdPrefix ? `${testIdPrefix}-${option.value}` : undefined}
            onClick={() => {
              if (!selected) onChange(option.value);
            }}
          >
            {option.label}
          </View>
        );
      })}
    </View>
  );
}

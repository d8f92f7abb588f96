import { Picker, View } from '@tarojs/components';
import { formatDate } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { cx } from './class-names';
import { FormField, type FormFieldProps } from './form-field';

export interface DateFieldProps extends Omit<FormFieldProps, 'children'> {
  /** `YYYY-MM-DD`, or '' while none is chosen. */
  value: string;
  onChange: (value: string) => void;
  /** What the field shows while no date is chosen. */
  placeholder: string;
  /** Earliest and latest dates the picker offers (`YYYY-MM-DD`). */
  start?: string;
  end?: string;
  testId: string;
  disabled?: boolean;
}

/** A labelled date, chosen with the platform's date picker (not typed) and shown in the reader's language. */
export function DateField({ value, onChange, placeholder, start, end, testId, disabled, ...field }: DateFieldProps) {
  const locale = useLocale();
  const shown = value ? formatDate(value, locale) : placeholder;
  return (
    <FormField {...field}>
      <Picker mode='date' value={value} start={start} end={end} disabled={disabled || undefined} onChange={(event) => onChange(String(event.detail.value))} data-testid={testId}>
        <View
          className={cx('bx-form-field__input', !value && 'bx-form-field__input--empty', field.error && 'bx-form-field__input--invalid')}
          role='button'
          ariaLabel={`${field.label}: ${shown}`}
        >
          {shown}
        </View>
      </Picker>
    </FormField>
  );
}

export interface DateTimeFieldProps extends Omit<DateFieldProps, 'placeholder'> {
  /** `YYYY-MM-DD HH:mm`, '' while nothing is chosen; one half alone leaves the other empty for the form's check. */
  value: string;
  datePlaceholder: string;
  timePlaceholder: string;
}

/** A labelled date and time of day, each chosen with the platform's picker. */
export function DateTimeField({ value, onChange, datePlaceholder, timePlaceholder, start, end, testId, disabled, ...field }: DateTimeFieldProps) {
  const locale = useLocale();
  const [date = '', time = ''] = value.split(' ');
  const join = (nextDate: string, nextTime: string) => (nextDate || nextTime ? `${nextDate} ${nextTime}` : '');
  const dateShown = date ? formatDate(date, locale) : datePlaceholder;
  const timeShown = time || timePlaceholder;
  const box = (filled: string) => cx('bx-form-field__input', !filled && 'bx-form-field__input--empty', field.error && 'bx-form-field__input--invalid');
  return (
    <FormField {...field}>
      <View className='bx-date-time'>
        <Picker mode='date' value={date} start={start} end={end} disabled={disabled || undefined} onChange={(event) => onChange(join(String(event.detail.value), time))} data-testid={`${testId}-date`}>
          <View className={box(date)} role='button' ariaLabel={`${field.label}: ${dateShown}`}>
            {dateShown}
          </View>
        </Picker>
        <Picker mode='time' value={time} disabled={disabled || undefined} onChange={(event) => onChange(join(date, String(event.detail.value)))} data-testid={`${testId}-time`}>
          <View className={box(time)} role='button' ariaLabel={`${field.label}: ${timeShown}`}>
            {timeShown}
          </View>
        </Picker>
      </View>
    </FormField>
  );
}

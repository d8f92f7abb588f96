import { Input, Textarea, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { cx } from './class-names';
import './form-field.css';

export interface FormFieldProps {
  label: string;
  hint?: string;
  /** What is wrong with the value, already in the reader's language. */
  error?: string | null;
  /** `data-field` of the error line, so a test (or a browser test) can find it. */
  name: string;
  children: ReactNode;
}

/** A labelled field with its hint and, when the value will not do, a message saying why. */
export function FormField({ label, hint, error, name, children }: FormFieldProps) {
  return (
    <View className='bx-form-field'>
      <View className='bx-form-field__label'>{label}</View>
      {children}
      {hint ? <View className='bx-form-field__hint'>{hint}</View> : null}
      {error ? (
        <View className='bx-form-field__error' role='alert' data-testid='field-error' data-field={name}>
          {error}
        </View>
      ) : null}
    </View>
  );
}

export interface TextInputProps extends Omit<FormFieldProps, 'children'> {
  value: string;
  onChange: (value: string) => void;
  testId: string;
  placeholder?: string;
  disabled?: boolean;
  /** `digit` brings up a keypad with a decimal point (amounts of money); `number` one without. */
  type?: 'text' | 'number' | 'digit';
  maxlength?: number;
  multiline?: boolean;
}

/** A labelled one-line (or multi-line) text box; its accessible name is the label. */
export function TextInput({ value, onChange, testId, placeholder, disabled, type = 'text', maxlength, multiline, ...field }: TextInputProps) {
  const className = cx('bx-form-field__input', multiline && 'bx-form-field__input--multiline', field.error && 'bx-form-field__input--invalid');
  const common = {
    className,
    value,
    placeholder,
    maxlength,
    ariaLabel: field.label,
    'data-testid': testId,
    disabled: disabled || undefined,
    onInput: (event: { detail: { value: string } }) => onChange(event.detail.value),
  };
  return <FormField {...field}>{multiline ? <Textarea {...common} autoHeight /> : <Input {...common} type={type} />}</FormField>;
}

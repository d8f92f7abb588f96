import { Input, View } from '@tarojs/components';
import type { ReactNode } from 'react';

export interface FieldProps {
  label: string;
  hint?: string;
  error?: string | null;
  /** `data-field` of the error line, for tests. */
  name: string;
  children?: ReactNode;
}

/** A labelled form field with its hint and, when the value will not do, a message saying why. */
export function Field({ label, hint, error, name, children }: FieldProps) {
  return (
    <View className='bx-sl-field'>
      <View className='bx-sl-field__label'>{label}</View>
      {children}
      {hint ? <View className='bx-staff-ledger__hint'>{hint}</View> : null}
      {error ? (
        <View className='bx-staff-ledger__error' role='alert' data-testid='field-error' data-field={name}>
          {error}
        </View>
      ) : null}
    </View>
  );
}

export interface TextFieldProps extends Omit<FieldProps, 'children'> {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  testId: string;
  disabled?: boolean;
  type?: 'text' | 'digit';
  maxlength?: number;
}

export function TextField({ value, onChange, placeholder, testId, disabled, type = 'text', maxlength, ...field }: TextFieldProps) {
  return (
    <Field {...field}>
      <Input
        className={field.error ? 'bx-sl-field__input bx-staff-ledger__input--invalid' : 'bx-sl-field__input'}
        type={type}
        value={value}
        placeholder={placeholder}
        maxlength={maxlength}
        ariaLabel={field.label}
        data-testid={testId}
        disabled={disabled || undefined}
        onInput={(event) => onChange(event.detail.value)}
      />
    </Field>
  );
}

import { Input, Textarea, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { cx } from '@/components/ui';
import { useT } from '@/lib/i18n';
import type { FieldErrors } from '../validate';

export interface FieldProps {
  label: string;
  hint?: string;
  /** `data-field` of the error line, for tests. */
  name: string;
  errors: FieldErrors;
  children?: ReactNode;
}

/** A labelled field with its hint and, when the value will not do, a message saying why. */
export function Field({ label, hint, name, errors, children }: FieldProps) {
  const t = useT();
  const error = errors[name];
  return (
    <View className='bx-ob-field'>
      <View className='bx-ob-field__label'>{label}</View>
      {children}
      {hint ? <View className='bx-ob-field__hint'>{hint}</View> : null}
      {error ? (
        <View className='bx-ob-field__error' role='alert' data-testid='field-error' data-field={name}>
          {t(error.key, error.params)}
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
  type?: 'text' | 'digit' | 'number';
  maxlength?: number;
  multiline?: boolean;
}

export function TextField({ value, onChange, placeholder, testId, disabled, type = 'text', maxlength, multiline, ...field }: TextFieldProps) {
  const className = cx('bx-ob-field__input', multiline && 'bx-ob-field__input--multiline', field.errors[field.name] && 'bx-ob-field__input--invalid');
  return (
    <Field {...field}>
      {multiline ? (
        <Textarea
          className={className}
          value={value}
          placeholder={placeholder}
          maxlength={maxlength}
          ariaLabel={field.label}
          data-testid={testId}
          disabled={disabled || undefined}
          autoHeight
          onInput={(event) => onChange(event.detail.value)}
        />
      ) : (
        <Input
          className={className}
          type={type}
          value={value}
          placeholder={placeholder}
          maxlength={maxlength}
          ariaLabel={field.label}
          data-testid={testId}
          disabled={disabled || undefined}
          onInput={(event) => onChange(event.detail.value)}
        />
      )}
    </Field>
  );
}

/** A group of fields with a visible label saying who sees them. */
export function Audience({ kind, children, testId }: { kind: 'staff' | 'sponsor'; children: ReactNode; testId?: string }) {
  const t = useT();
  return (
    <View className={cx('bx-ob-audience', `bx-ob-audience--${kind}`)} data-testid={testId}>
      <View className='bx-ob-audience__label' data-testid={`audience-${kind}`}>
        {kind === 'staff' ? t('onboarding.staffOnly') : t('onboarding.shownToSponsors')}
      </View>
      {children}
    </View>
  );
}

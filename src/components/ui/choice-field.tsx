import { FormField, type FormFieldProps } from './form-field';
import { Segmented, type SegmentedOption } from './segmented';

export interface ChoiceFieldProps<V extends string> extends Omit<FormFieldProps, 'children'> {
  options: ReadonlyArray<SegmentedOption<V>>;
  value: V;
  onChange: (value: V) => void;
  /** Each option gets `data-testid="<testIdPrefix>-<value>"`. */
  testIdPrefix: string;
}

/** A labelled choice among a few options; the label also names the group for screen readers. */
export function ChoiceField<V extends string>({ options, value, onChange, testIdPrefix, ...field }: ChoiceFieldProps<V>) {
  return (
    <FormField {...field}>
      <Segmented label={field.label} options={options} value={value} onChange={onChange} testIdPrefix={testIdPrefix} />
    </FormField>
  );
}

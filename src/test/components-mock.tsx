/**
 * Plain-DOM stand-ins for @tarojs/components under Jest (mapped in jest.config.js). They pass through
 * what tests look at (className, onClick, onKeyDown, tabIndex, data-*, aria-*, role, id) and translate Taro's props and
 * events (ariaLabel, disabled/loading, onInput/onChange with `detail.value`).
 */
import { createElement, type ReactNode } from 'react';

type Props = Record<string, unknown> & { children?: ReactNode };

function domProps(props: Props): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (key === 'children' || value === undefined) continue;
    if (key === 'ariaLabel') out['aria-label'] = value;
    else if (key === 'ariaRole') out.role = value;
    else if (key === 'style') out.style = typeof value === 'string' ? undefined : value;
    else if (
      key === 'className' ||
      key === 'id' ||
      key === 'role' ||
      key === 'hidden' ||
      key === 'onClick' ||
      key === 'onKeyDown' ||
      key === 'tabIndex' ||
      key.startsWith('data-') ||
      key.startsWith('aria-')
    ) {
      out[key] = value;
    }
  }
  return out;
}

function element(tag: string) {
  function Component(props: Props) {
    return createElement(tag, domProps(props), props.children);
  }
  Component.displayName = tag;
  return Component;
}

export const View = element('div');
export const Text = element('span');
export const ScrollView = element('div');
export const Block = ({ children }: Props) => <>{children}</>;
export const Label = element('label');
export const Form = element('form');

export function Button(props: Props) {
  const { disabled, loading, onClick } = props;
  return (
    <button
      type='button'
      {...domProps(props)}
      onClick={disabled ? undefined : (onClick as (() => void) | undefined)}
      disabled={Boolean(disabled)}
      aria-busy={loading ? true : undefined}
    >
      {props.children}
    </button>
  );
}

export function Input(props: Props) {
  const onInput = props.onInput as ((event: { detail: { value: string } }) => void) | undefined;
  return (
    <input
      {...domProps(props)}
      type={props.password ? 'password' : 'text'}
      value={(props.value as string | undefined) ?? ''}
      placeholder={props.placeholder as string | undefined}
      disabled={Boolean(props.disabled)}
      onChange={(event) => onInput?.({ detail: { value: event.target.value } })}
    />
  );
}

export function Textarea(props: Props) {
  const onInput = props.onInput as ((event: { detail: { value: string } }) => void) | undefined;
  return (
    <textarea
      {...domProps(props)}
      value={(props.value as string | undefined) ?? ''}
      placeholder={props.placeholder as string | undefined}
      maxLength={typeof props.maxlength === 'number' && props.maxlength >= 0 ? props.maxlength : undefined}
      disabled={Boolean(props.disabled)}
      onChange={(event) => onInput?.({ detail: { value: event.target.value } })}
    />
  );
}

export function Switch(props: Props) {
  const onChange = props.onChange as ((event: { detail: { value: boolean } }) => void) | undefined;
  return (
    <input
      {...domProps(props)}
      type='checkbox'
      role='switch'
      checked={Boolean(props.checked)}
      disabled={Boolean(props.disabled)}
      onChange={(event) => onChange?.({ detail: { value: event.target.checked } })}
    />
  );
}

export function Image(props: Props) {
  return <img {...domProps(props)} src={props.src as string | undefined} alt={(props.ariaLabel as string) ?? ''} />;
}

/** The platform's picker as the browser's own date or time input: tests change its value directly. */
export function Picker(props: Props) {
  const onChange = props.onChange as ((event: { detail: { value: string } }) => void) | undefined;
  return (
    <>
      <input
        {...domProps(props)}
        type={props.mode === 'time' ? 'time' : 'date'}
        min={props.start as string | undefined}
        max={props.end as string | undefined}
        value={(props.value as string | undefined) ?? ''}
        disabled={Boolean(props.disabled)}
        onChange={(event) => onChange?.({ detail: { value: event.target.value } })}
      />
      {props.children}
    </>
  );
}

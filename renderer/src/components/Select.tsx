import { Select as MantineSelect, type SelectProps } from '@mantine/core';
import { useRef } from 'react';
import { labelOf, typedOption } from '../lib/typed-option';

type Primitive = string | number | boolean;

/**
 * Mantine's Select, with one rule for every searchable select of the console: what the
 * operator typed is kept when they Tab away, if it names one option (its exact label or
 * value, or the only label containing it). Mantine alone put the old value back on blur,
 * so "America/New_York" typed into the time zone and Tab left the coalition on UTC.
 * Text that names none or several options is not guessed at: the old value stays, as before.
 * While typing, the first option found is highlighted, so Enter takes it.
 */
export function Select<Value extends Primitive = string>(props: SelectProps<Value>) {
  const { onBlur, onChange, onOptionSubmit, searchable, data, value, onKeyDown } = props;
  // Enter's option taken here, then Mantine's own Enter in the same key press: only the first counts.
  const took = useRef<'no' | 'taking' | 'taken'>('no');
  const once = (): boolean => {
    if (took.current === 'taken') return false;
    if (took.current === 'taking') took.current = 'taken';
    return true;
  };
  return (
    <MantineSelect<Value>
      // As the operator types, the first option found is the one Enter takes.
      selectFirstOptionOnChange={searchable}
      {...props}
      onChange={(v, o) => {
        if (once()) onChange?.(v, o);
      }}
      onOptionSubmit={(v) => {
        if (took.current !== 'taken') onOptionSubmit?.(v);
      }}
      onKeyDown={(e) => {
        onKeyDown?.(e);
        // Enter takes the option the open list highlights, always. Mantine keeps which one
        // that is apart from the highlight, and in a field that started empty (a new
        // organisation's discipline) the two parted: the first option found showed
        // highlighted, Enter took nothing, and the key fell to the form ("Enter does not
        // save this form"). Mantine's own Enter comes after this, in the same key press, and
        // takes an option too (the same one, or the current value's): that second choice is
        // dropped, so a setting is saved once and an audit entry written once.
        const field = e.currentTarget;
        if (e.key !== 'Enter' || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey || e.nativeEvent.isComposing) return;
        if (field.getAttribute('aria-expanded') !== 'true') return;
        const option = document.getElementById(field.getAttribute('aria-controls') ?? '')?.querySelector<HTMLElement>('[data-combobox-selected]');
        if (!option) return;
        e.preventDefault();
        took.current = 'taking';
        queueMicrotask(() => (took.current = 'no'));
        option.click();
      }}
      onBlur={(e) => {
        // Mantine has already asked to show the old label again, but the input still holds
        // what was typed until React renders.
        const typed = e.currentTarget.value;
        if (searchable && onChange && !props.readOnly && !props.disabled) {
          const pick = typedOption(data, typed, labelOf(data, value));
          if (pick) onChange(pick.value, pick);
        }
        onBlur?.(e);
      }}
    />
  );
}

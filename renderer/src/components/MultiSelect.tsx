import { MultiSelect as MantineMultiSelect, type MultiSelectProps } from '@mantine/core';
import { typedOption } from '../lib/typed-option';

/**
 * Mantine's MultiSelect, with the rule of every list field of the console (see Select):
 * while typing the first option found is highlighted, so Enter adds it, and text typed that
 * names one option (its exact label or value, or the only label containing it) is added when
 * the operator Tabs away (or saves with Ctrl+Enter) instead of being dropped. Text that
 * names none or several is not guessed at.
 */
export function MultiSelect(props: MultiSelectProps) {
  const { onBlur, onChange, searchable, data, value } = props;
  return (
    <MantineMultiSelect
      selectFirstOptionOnChange={searchable}
      {...props}
      onBlur={(e) => {
        // Mantine clears the search after this: the input still holds what was typed.
        const typed = e.currentTarget.value;
        if (searchable && onChange && value && !props.readOnly && !props.disabled) {
          const pick = typedOption(data, typed, null);
          if (pick && !value.includes(pick.value) && (props.maxValues === undefined || value.length < props.maxValues)) onChange([...value, pick.value]);
        }
        onBlur?.(e);
      }}
    />
  );
}

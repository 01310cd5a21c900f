import { useId } from 'react';
import { ActionIcon, Box, Button, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { focusAdded } from '../../lib/focus-added';

interface Props {
  options: readonly string[];
  /** The index of the option taken, as a string; '' for none. */
  chosen: string;
  inputProps: (i: number) => GetInputPropsReturnType;
  onInsert: () => void;
  onRemove: (i: number) => void;
  onChoose: (chosen: string) => void;
  error?: React.ReactNode;
}

/** The height of a one-line field, so the radio and remove columns line up with the options. */
const ROW = 36;

/**
 * The options weighed, typed as a list: the texts come first in the Tab order, one after
 * the other; Enter goes to the next option (adding one after the last), Backspace in an
 * empty option removes it. Which one was taken is one radio group beside them, one Tab stop
 * after the texts, its options chosen with the arrow keys. Before, each row was radio, text,
 * remove: three Tabs an option, and the radio first.
 * The remove buttons are for the mouse and a screen reader's browse mode, out of the Tab
 * order: emptying an option and pressing Backspace does it by keyboard, and an empty option
 * is not recorded anyway.
 */
export function OptionsField({ options, chosen, inputProps, onInsert, onRemove, onChoose, error }: Props) {
  const labelId = useId();

  const onKeyDown = (i: number) => (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const text = e.currentTarget.value;
    if (e.key === 'Enter' && text.trim()) {
      // Not the form's Enter (which saves nothing here): the next option, a new one after the last.
      e.preventDefault();
      if (i === options.length - 1) onInsert();
      focusAdded(e.currentTarget, `Option ${i + 2}`);
    } else if (e.key === 'Backspace' && text === '' && options.length > 1) {
      e.preventDefault();
      removeOption(i);
      focusAdded(e.currentTarget, `Option ${i === 0 ? 1 : i}`);
    }
  };

  // The option taken stays the same option when one above it goes.
  const removeOption = (i: number) => {
    const taken = chosen === '' ? -1 : Number(chosen);
    onRemove(i);
    onChoose(taken === i ? '' : taken > i ? String(taken - 1) : chosen);
  };

  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id={labelId}>
        Options considered{' '}
        <Text span c="dimmed" size="xs">
          (Enter goes to the next; mark the one taken)
        </Text>
      </Text>
      <Group gap="xs" wrap="nowrap" align="flex-start" role="group" aria-labelledby={labelId}>
        <Stack gap={6} flex={1} miw={0}>
          {options.map((_, i) => (
            <TextInput key={i} placeholder={`Option ${i + 1}`} aria-label={`Option ${i + 1}`} onKeyDown={onKeyDown(i)} {...inputProps(i)} />
          ))}
        </Stack>
        {/* Its radios side by side in the page order: one Tab stop, arrows between them. */}
        <Radio.Group value={chosen} onChange={onChoose} aria-label="Option taken">
          <Stack gap={6}>
            {options.map((_, i) => (
              <Box key={i} h={ROW} display="flex" style={{ alignItems: 'center' }}>
                <Radio value={String(i)} label="Taken" aria-label={`Option ${i + 1} was taken`} c={chosen === String(i) ? undefined : 'dimmed'} />
              </Box>
            ))}
          </Stack>
        </Radio.Group>
        <Stack gap={6}>
          {options.map((_, i) => (
            <ActionIcon key={i} h={ROW} w={ROW} variant="subtle" color="red" tabIndex={-1} aria-label={`Remove option ${i + 1}`} onClick={() => removeOption(i)}>
              <IconTrash size={18} />
            </ActionIcon>
          ))}
        </Stack>
      </Group>
      <Group>
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconPlus size={16} />}
          onClick={(e) => {
            onInsert();
            focusAdded(e.currentTarget, `Option ${options.length + 1}`);
          }}
        >
          Add an option
        </Button>
      </Group>
      {error && (
        <Text c="red" size="sm">
          {error}
        </Text>
      )}
    </Stack>
  );
}

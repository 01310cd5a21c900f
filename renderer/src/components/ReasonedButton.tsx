import { Button, Stack, Text, type ButtonProps } from '@mantine/core';
import { useId, type MouseEvent } from 'react';

interface Props extends ButtonProps {
  /** Why the button cannot be used now, in words; null when it can. */
  reason: string | null;
  onClick: () => void;
  'data-testid'?: string;
}

/**
 * A button that is sometimes unavailable, and says why where everyone can reach it. A
 * disabled button leaves the Tab order and a hover title reaches only a mouse: the keyboard
 * user never learned why "Refresh from the record" did nothing. Unavailable, it stays a Tab
 * stop, is announced as unavailable with the reason as its description, and shows the reason
 * under it (as wide as the button), so one glance says it too.
 */
export function ReasonedButton({ reason, onClick, children, ...props }: Props) {
  const id = useId();
  const testId = props['data-testid'];
  const click = (e: MouseEvent) => {
    if (reason) e.preventDefault();
    else onClick();
  };
  return (
    <Stack gap={2} w="min-content">
      <Button {...props} data-disabled={!!reason || undefined} aria-disabled={!!reason || undefined} aria-describedby={reason ? id : undefined} onClick={click}>
        {children}
      </Button>
      {reason && (
        <Text id={id} size="xs" c="dimmed" data-testid={testId && `${testId}-reason`}>
          {reason}
        </Text>
      )}
    </Stack>
  );
}

import { Button, Stack, Text, Title } from '@mantine/core';
import { Link, useLocation } from 'wouter';

/** An address no screen answers (a stale bookmark or a mistyped link). */
export function NotFound() {
  const [location] = useLocation();
  return (
    <Stack gap="sm" maw={640} data-testid="not-found">
      <Title order={2}>No such screen</Title>
      <Text>
        Nothing in the console lives at <code>{location}</code>. Use the rail on the left, Alt+number, or Ctrl+K to find a
        screen.
      </Text>
      <Button component={Link} href="/" w="fit-content">
        Go to the situation board
      </Button>
    </Stack>
  );
}

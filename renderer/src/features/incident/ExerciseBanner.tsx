import { Box, Text } from '@mantine/core';

/** On every screen while the active incident is an exercise, so nobody mistakes a drill for the real thing. */
export function ExerciseBanner() {
  return (
    <Box
      role="status"
      aria-label="This is an exercise"
      data-testid="exercise-banner"
      h={28}
      bg="orange.6"
      style={{ display: 'flex', alignItems: 'center', justifyContent: 'center', borderBottom: '2px solid var(--mantine-color-orange-9)' }}
    >
      <Text fw={800} c="black" lts={3} size="sm">
        EXERCISE — EXERCISE — EXERCISE
      </Text>
    </Box>
  );
}

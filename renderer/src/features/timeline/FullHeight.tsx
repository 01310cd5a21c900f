import { Stack } from '@mantine/core';
import type { ReactNode } from 'react';

/** A screen whose list fills what is left of the window below the top bar. */
export function FullHeight({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <Stack
      gap="sm"
      data-testid={testId}
      style={{ height: 'calc(100dvh - var(--app-shell-header-height, 68px) - 2 * var(--mantine-spacing-md))', minHeight: 420 }}
    >
      {children}
    </Stack>
  );
}

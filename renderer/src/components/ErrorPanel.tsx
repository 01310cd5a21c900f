import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';

/** An error said in words, with what to do, never as a bare code. */
export function ErrorPanel({ title, error }: { title: string; error: unknown }) {
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertTriangle />} role="alert" maw={640}>
      {message}
    </Alert>
  );
}

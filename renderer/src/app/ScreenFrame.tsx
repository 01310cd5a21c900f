import { Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { Suspense, useEffect, type ReactNode } from 'react';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';
import { useLocation } from 'wouter';
import { ErrorPanel } from '../components/ErrorPanel';
import { preloadScreens, retryFailedScreens } from './routes';

/** The screen's code did not load (a damaged or half-updated install): the browser will not retry it in place. */
const CODE_NOT_LOADED = /dynamically imported module|Importing a module script failed|error loading dynamically imported module/i;

function ScreenFailed({ error, resetErrorBoundary }: FallbackProps) {
  const codeMissing = error instanceof Error && CODE_NOT_LOADED.test(error.message);
  return (
    <Stack gap="sm" data-testid="screen-failed">
      <ErrorPanel title="This screen stopped working" error={error} />
      <Text maw={640}>
        Everything already saved is safe: a record is written before the console confirms it. The rest of the console still
        works; move to another screen with the rail or Alt+number, or {codeMissing ? 'reload the console' : 'try this one again'}.
      </Text>
      <Group>
        {codeMissing ? (
          <Button onClick={() => window.location.reload()}>Reload the console</Button>
        ) : (
          <Button onClick={resetErrorBoundary}>Try this screen again</Button>
        )}
      </Group>
    </Stack>
  );
}

function ScreenLoading() {
  return (
    <Center mih={200} role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" />
        <Text>Opening screen…</Text>
      </Group>
    </Center>
  );
}

/**
 * Where a screen renders. A screen that throws shows what went wrong in words, in place,
 * without taking the top bar, the rail or quick entry down with it; moving to another
 * screen clears the failure. Screens load on first use and the rest are fetched as soon as
 * the first one is up.
 */
export function ScreenFrame({ children }: { children: ReactNode }) {
  const [location] = useLocation();
  // Right after the first screen is up: an operator may switch screens within a second.
  useEffect(() => void preloadScreens(), []);
  return (
    <ErrorBoundary FallbackComponent={ScreenFailed} resetKeys={[location]} onReset={retryFailedScreens}>
      <Suspense fallback={<ScreenLoading />}>{children}</Suspense>
    </ErrorBoundary>
  );
}

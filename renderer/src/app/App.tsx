import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { ConnectionBanner } from '../components/ConnectionBanner';
import { queryClient } from '../lib/query';
import { Gate } from './Gate';
import { ShortcutProvider } from '../lib/shortcuts';
import { useSaveKeys } from '../lib/save-keys';
import { colorSchemeManager, theme } from './theme';

export function App() {
  // Ctrl+Enter saves any form, the setup and sign-in screens' too.
  useSaveKeys();
  return (
    <MantineProvider theme={theme} colorSchemeManager={colorSchemeManager} defaultColorScheme="dark">
      <QueryClientProvider client={queryClient}>
        <ShortcutProvider>
          <ModalsProvider>
            <Notifications position="bottom-right" limit={4} />
            <ConnectionBanner />
            <Gate />
          </ModalsProvider>
        </ShortcutProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}

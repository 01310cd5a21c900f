import { createTheme, localStorageColorSchemeManager } from '@mantine/core';

/** Read at a distance by tired people: larger type, calm colours, strong focus. */
export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif',
  fontFamilyMonospace: '"DejaVu Sans Mono", ui-monospace, monospace',
  fontSizes: { xs: '13px', sm: '15px', md: '16px', lg: '18px', xl: '22px' },
  headings: { fontWeight: '650' },
  focusRing: 'auto',
});

export const colorSchemeManager = localStorageColorSchemeManager({ key: 'eoc.color-scheme' });

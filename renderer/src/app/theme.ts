import { createTheme, Drawer, localStorageColorSchemeManager, Modal } from '@mantine/core';

/** Read at a distance by tired people: larger type, calm colours, strong focus. */
export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif',
  fontFamilyMonospace: '"DejaVu Sans Mono", ui-monospace, monospace',
  fontSizes: { xs: '13px', sm: '15px', md: '16px', lg: '18px', xl: '22px' },
  headings: { fontWeight: '650' },
  focusRing: 'auto',
  // WCAG AA contrast: filled colours one shade darker, and text on them black or white
  // by the fill's own lightness (white on orange or yellow was unreadable).
  primaryShade: { light: 8, dark: 8 },
  autoContrast: true,
  luminanceThreshold: 0.2,
  // Every dialog's close button has a name a screen reader can say.
  components: {
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
  },
});

export const colorSchemeManager = localStorageColorSchemeManager({ key: 'eoc.color-scheme' });

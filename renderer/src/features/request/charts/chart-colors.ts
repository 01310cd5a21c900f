import { useComputedColorScheme, useMantineTheme } from '@mantine/core';

/** Concrete colours for SVG (recharts writes them as attributes, where theme variables are unreliable). */
export function useChartColors() {
  const theme = useMantineTheme();
  const dark = useComputedColorScheme('dark') === 'dark';
  const pick = (spec: string) => {
    const [name, shade] = spec.split('.') as [string, string | undefined];
    return theme.colors[name]?.[Number(shade ?? 6)] ?? spec;
  };
  return {
    pick,
    text: dark ? theme.colors.dark[0] : theme.colors.dark[7],
    grid: dark ? theme.colors.dark[4] : theme.colors.gray[3],
    tooltipBg: dark ? theme.colors.dark[7] : theme.white,
  };
}

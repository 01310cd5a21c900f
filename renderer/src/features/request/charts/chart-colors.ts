import { useComputedColorScheme, useMantineTheme } from '@mantine/core';

/** Concrete colours for SVG (recharts writes them as attributes, where theme variables are unreliable). */
export function useChartColors() {
  const theme = useMantineTheme();
  const dark = useComputedColorScheme('dark') === 'dark';
  const pick = (spec: string) => {
    const [name, shade] = spec.split('.') as [string, string | undefined];
    return theme.colors[name]?.[Number(shade ?? 6)] ?? spec;
  };
  const text = dark ? theme.colors.dark[0] : theme.colors.dark[7];
  const tooltipBg = dark ? theme.colors.dark[7] : theme.white;
  return {
    pick,
    text,
    grid: dark ? theme.colors.dark[4] : theme.colors.gray[3],
    tooltipBg,
    /**
     * A tooltip's props: its words in the text colour, not each series' own (a light line
     * colour on white is unreadable as text); the series is named in words beside its value.
     */
    tooltip: {
      contentStyle: { background: tooltipBg, borderColor: dark ? theme.colors.dark[4] : theme.colors.gray[4] },
      itemStyle: { color: text },
      labelStyle: { color: text, fontWeight: 600 },
    },
    dark,
  };
}

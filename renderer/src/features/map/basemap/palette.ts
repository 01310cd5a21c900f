/** Basemap colours for each theme: calm, low-contrast land so the symbols stand out. */
export interface Palette {
  water: string;
  land: string;
  state: string;
  county: string;
  regionFill: string;
  regionLine: string;
  label: string;
  labelHalo: string;
}

export const PALETTES: Readonly<Record<'light' | 'dark', Palette>> = {
  light: {
    water: '#cfdde6',
    land: '#f4f2ec',
    state: '#6b6f76',
    county: '#b9b6ae',
    regionFill: '#fff3c4',
    regionLine: '#9a6b00',
    label: '#2b2d31',
    labelHalo: '#ffffff',
  },
  dark: {
    water: '#0f2233',
    land: '#2b2e33',
    state: '#9aa0a8',
    county: '#474b52',
    regionFill: '#3a3423',
    regionLine: '#e0b040',
    label: '#e6e8eb',
    labelHalo: '#111315',
  },
};

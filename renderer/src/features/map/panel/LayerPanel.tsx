import { Checkbox, Group, Stack, Text } from '@mantine/core';
import { memo } from 'react';
import { DISCIPLINE_LABELS, DISCIPLINES } from '../../../../../shared/domain/disciplines';
import { DISCIPLINE_CODES, LAYER_KEYS, LAYER_LABELS, type LayerKey } from '../items';

export type Visibility = Record<LayerKey, boolean>;

/** What each symbol means, in words: the legend and the layer switches are one list. */
export const LEGEND: Readonly<Partial<Record<LayerKey, readonly [string, string][]>>> = {
  organisations: DISCIPLINES.map((d) => [DISCIPLINE_CODES[d], DISCIPLINE_LABELS[d]] as [string, string]),
  requests: [
    ['URG', 'Urgent'],
    ['RTN', 'Routine'],
    ['LOW', 'Low priority'],
  ],
  caches: [['CACHE', 'Cache; its status is in its popup']],
  incident: [
    ['INCIDENT', 'Incident location'],
    ['- - -', 'Incident area (dashed outline)'],
  ],
  annotations: [['NOTE', 'Drawn point; lines, areas and circles carry their label']],
  overlays: [['- - -', 'Imported shapes (dashed)']],
};

const GLYPH_CLASS: Partial<Record<LayerKey, string>> = { organisations: 'org', requests: 'req', caches: 'cache', incident: 'ann', annotations: 'ann' };

/** Memoised: the map screen re-renders on every move of the map, the legend need not. */
export const LayerPanel = memo(function LayerPanel({ visible, counts, onChange, packName }: { visible: Visibility; counts: Partial<Record<LayerKey, number>>; onChange: (v: Visibility) => void; packName: string | null }) {
  return (
    <Stack gap={6} data-testid="map-layers" role="group" aria-label="Layers and legend">
      <Text size="sm" fw={700}>
        Layers and legend
      </Text>
      {LAYER_KEYS.filter((k) => k !== 'pack' || packName).map((k) => (
        <div key={k}>
          <Checkbox
            size="sm"
            checked={visible[k]}
            onChange={(e) => onChange({ ...visible, [k]: e.currentTarget.checked })}
            label={`${k === 'pack' && packName ? `Street map: ${packName}` : LAYER_LABELS[k]}${counts[k] !== undefined ? ` (${counts[k]})` : ''}`}
            data-testid={`layer-${k}`}
          />
          {visible[k] && LEGEND[k] && (
            <Group gap={4} pl={28} pt={2}>
              {LEGEND[k]!.map(([glyph, words]) => (
                <Group key={glyph + words} gap={4} wrap="nowrap">
                  <span className={`eoc-legend-glyph eoc-legend-glyph--${GLYPH_CLASS[k] ?? 'plain'}`}>{glyph}</span>
                  <Text size="xs">{words}</Text>
                </Group>
              ))}
            </Group>
          )}
        </div>
      ))}
    </Stack>
  );
});

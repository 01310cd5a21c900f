import { Checkbox, Group, Stack, Text } from '@mantine/core';
import { memo } from 'react';
import { DISCIPLINE_LABELS, DISCIPLINES } from '../../../../../shared/domain/disciplines';
import { MEMBER_STATUS, MEMBER_STATUS_CODES } from '../../../../../shared/domain/member-status';
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

/** Members by their facility status: the tag beside a member's badge, each state in words. */
export const STATUS_LEGEND: readonly [string, string][] = [
  ...MEMBER_STATUS_CODES.map((c) => [c, MEMBER_STATUS[c].words] as [string, string]),
  ['STALE', 'After the tag: the report is older than its interval'],
  ['OVERDUE', 'After the tag: older than twice its interval'],
  ['(none)', 'Member does not report facility status'],
];

const GLYPH_CLASS: Partial<Record<LayerKey, string>> = { organisations: 'org', requests: 'req', caches: 'cache', incident: 'ann', annotations: 'ann' };

/** Memoised: the map screen re-renders on every move of the map, the legend need not. */
export const LayerPanel = memo(function LayerPanel({ visible, counts, onChange, packName }: { visible: Visibility; counts: Partial<Record<LayerKey, number>>; onChange: (v: Visibility) => void; packName: string | null }) {
  return (
    <Stack gap={6} data-testid="map-layers" role="group" aria-label="Layers and legend">
      <Text size="sm" fw={700}>
        Layers and legend
      </Text>
      <Text size="xs" data-testid="legend-help">
        Point at a symbol for its words; click it for its popup, or a cluster to zoom in. By keyboard: the In view list below (Enter shows one on the map with its popup).
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
          {visible[k] && LEGEND[k] && <Legend entries={LEGEND[k]} glyphClass={GLYPH_CLASS[k] ?? 'plain'} />}
          {visible[k] && k === 'organisations' && (
            <>
              <Text size="xs" fw={700} pl={28} pt={4}>
                By status
              </Text>
              <Legend entries={STATUS_LEGEND} glyphClass="status" testId="legend-status" />
            </>
          )}
        </div>
      ))}
    </Stack>
  );
});

function Legend({ entries, glyphClass, testId }: { entries: readonly [string, string][]; glyphClass: string; testId?: string }) {
  return (
    <Group gap={4} pl={28} pt={2} data-testid={testId}>
      {entries.map(([glyph, words]) => (
        <Group key={glyph + words} gap={4} wrap="nowrap">
          <span className={`eoc-legend-glyph eoc-legend-glyph--${glyphClass}`}>{glyph}</span>
          <Text size="xs">{words}</Text>
        </Group>
      ))}
    </Group>
  );
}

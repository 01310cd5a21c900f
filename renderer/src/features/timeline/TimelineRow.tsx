import { Badge, Text } from '@mantine/core';
import { memo } from 'react';
import type { TimelineItem } from '../../../../shared/contract';
import { StatusBadge } from '../../components/StatusBadge';
import { localParts } from '../../lib/format';
import { itemMarks, recordedDiffers } from './describe-item';
import { KIND_LABELS, KIND_TONES } from './kinds';
import classes from './timeline.module.css';

export const TIMELINE_ROW_HEIGHT = 62;

/** One record: when it happened (and was recorded, if later), what, who, and its marks in words. */
export const TimelineRow = memo(function TimelineRow({ item, timeZone }: { item: TimelineItem; timeZone: string }) {
  const at = localParts(item.occurredAt, timeZone);
  const rec = recordedDiffers(item) ? localParts(item.recordedAt, timeZone) : null;
  const position = item.operatorPositionTitle ?? item.positionTitle;
  return (
    <div className={classes.row} data-testid="timeline-row" data-kind={item.kind}>
      <div className={classes.cell}>
        <Text fw={700} ff="monospace" size="md" lh={1.2}>
          {at.hm}{' '}
          <Text span size="xs" fw={600}>
            {at.zone}
          </Text>
        </Text>
        <Text size="xs" c="dimmed" lh={1.2} truncate>
          {rec ? `rec. ${rec.hm} · ${at.date.slice(0, 6)}` : at.date}
        </Text>
      </div>
      <div className={classes.cell}>
        <StatusBadge tone={KIND_TONES[item.kind]}>{KIND_LABELS[item.kind]}</StatusBadge>
      </div>
      <div className={classes.cell}>
        <Text fw={600} size="sm" truncate lh={1.25}>
          {item.operatorName ?? 'Unknown operator'}
        </Text>
        <Text size="xs" c="dimmed" truncate lh={1.25}>
          {position ?? ''}
        </Text>
      </div>
      <div className={classes.cell}>
        <Text size="sm" lineClamp={2} lh={1.3} className={item.replaced ? classes.replaced : undefined}>
          {item.category && (
            <Text span fw={700} size="sm">
              {item.category}:{' '}
            </Text>
          )}
          {item.summary}
        </Text>
      </div>
      <div className={classes.marks}>
        {itemMarks(item).map((m) => (
          <Badge key={m.text} size="sm" radius="sm" variant={m.tone === 'good' ? 'filled' : 'light'} color={m.tone === 'good' ? 'teal' : m.tone === 'warn' ? 'orange' : 'indigo'}>
            {m.text}
          </Badge>
        ))}
      </div>
    </div>
  );
});

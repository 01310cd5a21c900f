import { Badge, Tooltip } from '@mantine/core';
import { FAILED_LABEL } from './use-integrity-marks';

/**
 * A record the integrity check found changed or removed outside the console: in words
 * (wrapping in a narrow column, never cut to "FAILED INTE…"), with what is wrong on hover.
 */
export function FailedMark({ problem }: { problem: string }) {
  return (
    <Tooltip label={problem} multiline w={420} withArrow>
      <Badge
        color="red"
        variant="filled"
        radius="sm"
        size="lg"
        data-testid="integrity-failed-mark"
        aria-label={`${FAILED_LABEL}: ${problem}`}
        styles={{
          root: { height: 'auto', minHeight: 'var(--badge-height)', maxWidth: '100%', flexShrink: 0, paddingBlock: 2 },
          label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', lineHeight: 1.25 },
        }}
      >
        {FAILED_LABEL}
      </Badge>
    </Tooltip>
  );
}

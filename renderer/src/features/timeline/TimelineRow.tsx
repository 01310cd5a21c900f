import { memo } from 'react';
import type { TimelineItem } from '../../../../shared/contract';
import { FAILED_LABEL } from '../integrity/use-integrity-marks';
import { itemMarks, recordedDiffers, type Mark } from './describe-item';
import { KIND_LABELS, KIND_TONES } from './kinds';
import { rowTime } from './row-time';
import classes from './timeline.module.css';

export const TIMELINE_ROW_HEIGHT = 62;

const TONE_CLASS: Record<Mark['tone'], string> = {
  good: classes.good!,
  warn: classes.warn!,
  bad: classes.bad!,
  info: classes.info!,
  neutral: classes.neutral!,
};

/**
 * One record: when it happened (and was recorded, if later), what, who, and its marks in
 * words. Plain elements styled by class: a screenful of these is rebuilt on every scroll
 * frame, so the row stays cheap.
 */
export const TimelineRow = memo(function TimelineRow({
  item,
  timeZone,
  failed,
}: {
  item: TimelineItem;
  timeZone: string;
  /** What the integrity check found wrong with this record, if anything. */
  failed?: string | undefined;
}) {
  const at = rowTime(item.occurredAt, timeZone);
  const rec = recordedDiffers(item) ? rowTime(item.recordedAt, timeZone) : null;
  const position = item.operatorPositionTitle ?? item.positionTitle;
  return (
    <div className={classes.row} data-testid="timeline-row" data-kind={item.kind} data-integrity={failed ? 'failed' : undefined}>
      <div className={classes.cell}>
        <div className={classes.time}>
          {at.hm} <span className={classes.zone}>{at.zone}</span>
        </div>
        <div className={classes.sub}>{rec ? `rec. ${rec.hm} · ${at.date.slice(0, 6)}` : at.date}</div>
      </div>
      <div className={classes.cell}>
        <span className={`${classes.kind} ${TONE_CLASS[KIND_TONES[item.kind]]}`}>{KIND_LABELS[item.kind]}</span>
      </div>
      <div className={classes.cell}>
        <div className={classes.who}>{item.operatorName ?? 'Unknown operator'}</div>
        <div className={classes.sub}>{position ?? ''}</div>
      </div>
      <div className={`${classes.cell} ${classes.text} ${item.replaced ? classes.replaced : ''}`}>
        {item.category && <b>{item.category}: </b>}
        {item.summary}
      </div>
      <div className={classes.marks}>
        {failed && (
          <span className={`${classes.mark} ${classes.bad}`} title={failed} data-testid="integrity-failed-mark">
            {FAILED_LABEL}
          </span>
        )}
        {itemMarks(item).map((m) => (
          <span key={m.text} className={`${classes.mark} ${TONE_CLASS[m.tone]}`}>
            {m.text}
          </span>
        ))}
      </div>
    </div>
  );
});

import { Highlight } from '@mantine/core';
import { memo } from 'react';
import type { TimelineItem } from '../../../../shared/contract';
import { FAILED_LABEL } from '../integrity/use-integrity-marks';
import { itemMarks, recordedDiffers, type Mark } from './describe-item';
import { KIND_LABELS, KIND_TONES } from './kinds';
import { rowTime } from './row-time';
import { excerpt, findMatches, type SearchTerms } from './search-match';
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
  search,
  fits,
}: {
  item: TimelineItem;
  timeZone: string;
  /** What the integrity check found wrong with this record, if anything. */
  failed?: string | undefined;
  /** The words searched for, marked in the text. */
  search?: SearchTerms | null;
  /** About how many characters the text's two lines hold at this width. */
  fits?: number;
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
        {search ? (
          <SearchedText category={item.category} summary={item.summary} search={search} fits={fits ?? 0} />
        ) : (
          <>
            {item.category && <b>{item.category}: </b>}
            {item.summary}
          </>
        )}
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

/**
 * A searched row's text with the matched words marked; when the first of them lies beyond
 * the two lines, the text shown starts a little before it (the category stays in front).
 */
function SearchedText({ category, summary, search, fits }: { category: string | null; summary: string; search: SearchTerms; fits: number }) {
  const inCategory = category ? findMatches(category, search) : null;
  const inSummary = findMatches(summary, search);
  const lead = category ? category.length + 2 : 0;
  const shown = inCategory?.marked.length ? summary : excerpt(summary, inSummary, fits - lead);
  const marked = [...(inCategory?.marked ?? []), ...inSummary.marked];
  return (
    <>
      {category && (
        <Highlight component="b" inherit fw={700} highlight={marked} wholeWord>
          {`${category}: `}
        </Highlight>
      )}
      <Highlight component="span" inherit highlight={marked} wholeWord data-testid="timeline-row-text">
        {shown}
      </Highlight>
    </>
  );
}

import { Stack } from '@mantine/core';
import type { AarReportView } from '../../../../shared/contract';
import { ReportSettings } from './ReportHeader';
import { isLocked } from './final-check';
import { SectionEditor } from './SectionEditor';

/** The cover, overview and conclusion text, each kept as revisions. */
export function ReportTab({ view }: { view: AarReportView }) {
  return (
    <Stack gap="sm" data-testid="aar-sections">
      <ReportSettings view={view} />
      {view.sections.map((s) => (
        <SectionEditor key={s.key} reportId={view.report.id} section={s} locked={isLocked(view)} />
      ))}
    </Stack>
  );
}

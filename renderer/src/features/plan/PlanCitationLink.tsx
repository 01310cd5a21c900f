import { Anchor, Group, Text } from '@mantine/core';
import { IconFileText } from '@tabler/icons-react';
import { useLocation } from 'wouter';
import type { PlanCitation } from '../../../../shared/contract';
import { sectionHref } from './labels';

/** A decision's cited plan section, as it read when the decision was made; opens the section. */
export function PlanCitationLink({ citation }: { citation: PlanCitation }) {
  const [, navigate] = useLocation();
  return (
    <Group gap={6} wrap="nowrap">
      <IconFileText size={18} />
      <Anchor component="button" type="button" onClick={() => navigate(sectionHref(citation.versionId, citation.ordinal))} data-testid="open-citation">
        <Text span fw={600}>
          {citation.label}
        </Text>{' '}
        (open)
      </Anchor>
    </Group>
  );
}

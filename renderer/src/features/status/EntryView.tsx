import { Grid, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { facilityMatches } from '../../../../shared/domain/status-rules';
import { ErrorPanel } from '../../components/ErrorPanel';
import { useMethod } from '../../lib/query';
import { useShell } from '../../lib/shell-context';
import { useSubview } from '../../lib/use-subview';
import { FacilityEntry } from './FacilityEntry';
import { FacilityPicker } from './FacilityPicker';
import { useCatalogue } from './use-catalogue';

/** Status entry by keyboard: find a facility, type what changed, Ctrl+Enter to the next one. */
export function EntryView() {
  const { coalition } = useShell();
  const { params, open } = useSubview();
  const selectedId = params.get('id');
  const [search, setSearch] = useState('');
  const [discipline, setDiscipline] = useState('');
  const [cursor, setCursor] = useState(0);
  const catalogue = useCatalogue();
  // Filtered here as each key is typed, not by a query per key: a name typed fast and Enter
  // must open a facility of the list on screen, never the first of the previous answer.
  const q = useMethod('status.facilities', {});
  const facilities = useMemo(() => (q.data?.facilities ?? []).filter((f) => (!discipline || f.discipline === discipline) && facilityMatches(f, search)), [q.data, discipline, search]);
  // Back at the search, its text is selected: the next name typed replaces it.
  const focusSearch = () =>
    setTimeout(() => {
      const el = document.querySelector<HTMLInputElement>('[data-testid="facility-search"]');
      el?.focus();
      el?.select();
    }, 0);
  const openFacility = (id: string) => open({ view: 'entry', id });
  const disciplines = useMemo(() => (catalogue.data?.sets ?? []).filter((s) => s.typeIds.length).map((s) => s.discipline), [catalogue.data]);
  if (q.error) return <ErrorPanel title="Facilities could not be read" error={q.error} />;
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <FacilityPicker
          facilities={facilities}
          search={search}
          onSearch={(v) => {
            setSearch(v);
            setCursor(0);
          }}
          discipline={discipline}
          onDiscipline={(v) => {
            setDiscipline(v);
            setCursor(0);
          }}
          disciplines={disciplines}
          cursor={cursor}
          onCursor={setCursor}
          selectedId={selectedId}
          onOpen={openFacility}
          loading={!q.data}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 8 }}>
        {selectedId && catalogue.data ? (
          <FacilityEntry
            key={selectedId}
            organisationId={selectedId}
            types={catalogue.types}
            timeZone={coalition.timeZone}
            onSaved={(next) => {
              if (!next) return;
              const i = facilities.findIndex((f) => f.organisationId === selectedId);
              const following = facilities[i + 1];
              if (following) {
                setCursor(i + 1);
                openFacility(following.organisationId);
              } else {
                // The list held only this facility (a search for it): the next call starts a new search.
                setSearch('');
                setCursor(0);
                open({ view: 'entry' });
                focusSearch();
              }
            }}
            onBack={() => {
              open({ view: 'entry' });
              focusSearch();
            }}
          />
        ) : (
          <Text c="dimmed" mt="xl">
            Find the facility on the line: type part of its name, ↓ to move, Enter to open its form. Only the values that changed need typing.
          </Text>
        )}
      </Grid.Col>
    </Grid>
  );
}

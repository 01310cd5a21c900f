import { Group, Stack, Tabs, Title } from '@mantine/core';
import { IconBuildingHospital, IconFileImport, IconLicense } from '@tabler/icons-react';
import { useSubview } from '../../lib/use-subview';
import { AgreementsPanel } from './AgreementsPanel';
import { ImportExportPanel } from './ImportExportPanel';
import { OrganisationDetail } from './OrganisationDetail';
import { OrganisationList } from './OrganisationList';

/** The coalition's members, their contacts and agreements; import and export. */
export function DirectoryScreen() {
  const { params, open } = useSubview();
  const orgId = params.get('org');
  if (orgId) return <OrganisationDetail id={orgId} onBack={() => open({ tab: 'organisations' })} />;
  const tab = params.get('tab') ?? 'organisations';
  return (
    <Stack gap="md" data-testid="directory-screen">
      <Group justify="space-between">
        <Title order={1}>Directory</Title>
      </Group>
      <Tabs value={tab} onChange={(t) => open({ tab: t ?? 'organisations' })} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="organisations" leftSection={<IconBuildingHospital size={18} />}>
            Organisations
          </Tabs.Tab>
          <Tabs.Tab value="agreements" leftSection={<IconLicense size={18} />}>
            Agreements
          </Tabs.Tab>
          <Tabs.Tab value="import" leftSection={<IconFileImport size={18} />}>
            Import and export
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="organisations" pt="md">
          <OrganisationList onOpen={(id) => open({ org: id })} />
        </Tabs.Panel>
        <Tabs.Panel value="agreements" pt="md">
          <AgreementsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="import" pt="md">
          <ImportExportPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

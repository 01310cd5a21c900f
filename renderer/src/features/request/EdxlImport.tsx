import { Alert, Button, FileInput, Group, List, Stack, Text } from '@mantine/core';
import { Select } from '../../components/Select';
import { IconFileTypeXml } from '@tabler/icons-react';
import { useState } from 'react';
import { EDXL_MAX_CHARS } from '../../../../shared/contract';
import { useSingleCommand } from '../../lib/query';
import { useOrganisationOptions } from '../directory/use-organisations';
import { readTextFile } from '../../lib/download';
import { useIncidents } from './lib/use-incidents';
import { closeModal, openModal } from '../../lib/open-modal';
import { useModalCancel } from '../../components/FormModal';

/** An EDXL-RM RequestResource message (bare or in an EDXL-DE envelope) becomes a draft request. */
function EdxlImport({ onOpen }: { onOpen: (id: string) => void }) {
  const cancel = useModalCancel();
  const incidents = useIncidents();
  const orgs = useOrganisationOptions();
  const imp = useSingleCommand('edxl.importRequestResource');
  const [file, setFile] = useState<File | null>(null);
  const [incidentId, setIncidentId] = useState<string | null>(null);
  const [orgId, setOrgId] = useState<string | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const chosenIncident = incidentId ?? incidents.defaultId;
  const go = async () => {
    if (!file || !chosenIncident) return;
    setReadError(null);
    try {
      const xml = await readTextFile(file, EDXL_MAX_CHARS);
      imp.mutate({ xml, incidentId: chosenIncident, ...(orgId ? { requestingOrganisationId: orgId } : {}) });
    } catch (e) {
      setReadError(e instanceof Error ? e.message : String(e));
    }
  };
  if (imp.data) {
    const r = imp.data.request;
    return (
      <Stack gap="sm" data-testid="edxl-imported">
        <Alert color="teal" title={`Draft ${r.number} created`}>
          {`From message ${imp.data.messageId}: ${r.lines.length} line(s) for ${r.requestingOrganisation.name}.`}
        </Alert>
        {imp.data.warnings.length > 0 && (
          <>
            <Text fw={600}>Not carried over:</Text>
            <List size="sm">
              {imp.data.warnings.map((w) => (
                <List.Item key={w}>{w}</List.Item>
              ))}
            </List>
          </>
        )}
        <Group justify="flex-end">
          <Button onClick={() => onOpen(r.id)}>Open {r.number}</Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Stack gap="sm" data-testid="edxl-import">
      <FileInput label="EDXL-RM RequestResource file" placeholder="Choose an .xml file" accept=".xml,application/xml,text/xml" leftSection={<IconFileTypeXml size={18} />} value={file} onChange={setFile} data-testid="edxl-file" />
      <Select label="Incident" data={incidents.options} value={chosenIncident} onChange={setIncidentId} allowDeselect={false} />
      <Select label="Requesting organisation" description="Leave empty to find the requester named in the message" data={orgs} searchable clearable value={orgId} onChange={setOrgId} />
      {readError && <Alert color="red" role="alert">{readError}</Alert>}
      {imp.error && (
        <Alert color="red" role="alert" title="Not imported">
          {imp.error.message}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={cancel}>
          Cancel
        </Button>
        <Button disabled={!file || !chosenIncident} loading={imp.isPending} onClick={() => void go()}>
          Create draft
        </Button>
      </Group>
    </Stack>
  );
}

export function openEdxlImport(onOpen: (id: string) => void) {
  openModal({ title: 'Import an EDXL-RM resource request', size: 'lg' }, (id) => (
    <EdxlImport
      onOpen={(requestId) => {
        closeModal(id);
        onOpen(requestId);
      }}
    />
  ));
}

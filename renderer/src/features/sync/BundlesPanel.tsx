import { Alert, Button, FileInput, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { IconFileDownload, IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import { BUNDLE_MAX_BYTES, type BundleSummary } from '../../../../shared/contract/sync';
import { bytesToBase64 } from '../../lib/base64';
import { downloadBase64 } from '../../lib/download';
import { formatBytes, formatDateTime } from '../../lib/format';
import { AlreadySending, useCommand, useSingleCommand } from '../../lib/query';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

function Summary({ s, timeZone }: { s: BundleSummary; timeZone: string }) {
  return (
    <Stack gap={2} data-testid="bundle-summary">
      <Text>
        From <b>{s.senderName ?? s.sender}</b>, key fingerprint <b data-testid="bundle-fingerprint">{s.fingerprint}</b>
      </Text>
      <Text size="sm">
        Coalition {s.coalitionName ?? 'unnamed'} · made {formatDateTime(s.createdAt, timeZone)} · {plural(s.facts, 'record')} and {plural(s.changes, 'change')} in{' '}
        {plural(s.parts, 'part')} · {formatBytes(s.bytes)}
      </Text>
    </Stack>
  );
}

type Applied = { facts: number; changes: number; held: string | null };

/**
 * Signed bundles for an air gap: export everything this workstation holds to a file for a
 * USB stick; import one, seeing who signed it before anything is written, with a progress
 * bar as its parts are applied in order. Importing the same bundle twice changes nothing.
 */
export function BundlesPanel({ timeZone }: { timeZone: string }) {
  const exporter = useSingleCommand('sync.bundleExport');
  const opener = useCommand('sync.bundleOpen');
  const apply = useSingleCommand('sync.bundleApply');
  const [file, setFile] = useState<File | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [applied, setApplied] = useState<Applied | null>(null);
  const [applyError, setApplyError] = useState<string | null>(null);
  const opened = opener.data;

  const choose = async (f: File | null) => {
    setFile(f);
    setReadError(null);
    setApplied(null);
    setApplyError(null);
    setProgress(null);
    opener.reset();
    if (!f) return;
    if (f.size > BUNDLE_MAX_BYTES) {
      setReadError(`"${f.name}" is ${formatBytes(f.size)}: the Sync screen takes bundles up to ${formatBytes(BUNDLE_MAX_BYTES)}. Import it with the command line: npm run cli -- bundle import --data-dir D FILE`);
      return;
    }
    opener.mutate({ base64: bytesToBase64(new Uint8Array(await f.arrayBuffer())) });
  };

  const importAll = async () => {
    if (!opened) return;
    const total = opened.summary.parts;
    const sum: Applied = { facts: 0, changes: 0, held: null };
    setApplyError(null);
    setProgress({ done: 0, total });
    try {
      for (let part = 0; part < total; part++) {
        const r = await apply.mutateAsync({ bundleId: opened.bundleId, part });
        sum.facts += r.facts;
        sum.changes += r.changes;
        sum.held ??= r.held;
        setProgress({ done: r.done, total: r.total });
      }
      setApplied(sum);
      opener.reset();
      setFile(null);
    } catch (e) {
      // Import pressed again while the parts travel: the first press carries on and says how it went.
      if (e instanceof AlreadySending) return;
      setApplyError((e as Error).message);
    }
  };

  const importing = progress !== null && progress.done < progress.total && !applyError;
  return (
    <Paper withBorder p="md" data-testid="bundles-panel">
      <Stack gap="sm">
        <Title order={3}>Bundles for an air gap</Title>
        <Text size="sm" c="dimmed">
          A bundle is a file signed by this workstation holding everything it has: carry it on a USB stick to a workstation
          of this coalition that no network reaches. Every part is checked before anything is written.
        </Text>
        <Group>
          <Button
            leftSection={<IconFileDownload size={18} />}
            loading={exporter.isPending}
            data-testid="bundle-export"
            onClick={() => exporter.mutate({}, { onSuccess: (r) => downloadBase64(r.fileName, r.base64, 'application/octet-stream') })}
          >
            Export a bundle
          </Button>
        </Group>
        {exporter.error && (
          <Alert color="red" role="alert">
            {exporter.error.message}
          </Alert>
        )}
        {exporter.data && (
          <Alert color="teal" role="status" title={`Saved ${exporter.data.fileName}`} data-testid="bundle-exported">
            {plural(exporter.data.summary.facts, 'record')} and {plural(exporter.data.summary.changes, 'change')}, signed by this
            workstation (key fingerprint {exporter.data.summary.fingerprint}), {formatBytes(exporter.data.summary.bytes)}.
          </Alert>
        )}
        <FileInput
          label="Import a bundle"
          description="A .eocbundle file from a workstation of this coalition"
          placeholder="Choose a .eocbundle file"
          accept=".eocbundle"
          leftSection={<IconFileImport size={18} />}
          value={file}
          onChange={(f) => void choose(f)}
          clearable
          data-testid="bundle-file"
        />
        {(readError ?? opener.error) && (
          <Alert color="red" role="alert" data-testid="bundle-refused">
            {readError ?? opener.error?.message}
          </Alert>
        )}
        {opened && (
          <Paper withBorder p="sm">
            <Stack gap="xs">
              <Summary s={opened.summary} timeZone={timeZone} />
              <Text size="sm">Check the sender and fingerprint with whoever brought the file, then import it. Nothing is written until you do.</Text>
              <Group>
                <Button onClick={() => void importAll()} loading={importing} data-testid="bundle-import">
                  Import
                </Button>
                <Button variant="default" disabled={importing} onClick={() => void choose(null)}>
                  Cancel
                </Button>
              </Group>
            </Stack>
          </Paper>
        )}
        {progress && (
          <Stack gap={4}>
            <Text size="sm">
              Applied {progress.done} of {plural(progress.total, 'part')}
            </Text>
            <Progress.Root size="lg" data-testid="bundle-progress">
              <Progress.Section value={progress.total ? (100 * progress.done) / progress.total : 100} aria-label={`Bundle import: ${progress.done} of ${progress.total} parts applied`} />
            </Progress.Root>
          </Stack>
        )}
        {applyError && (
          <Alert color="red" role="alert">
            {applyError}
          </Alert>
        )}
        {applied && (
          <Alert color="teal" role="status" title="Bundle imported" data-testid="bundle-imported">
            {applied.facts + applied.changes === 0
              ? 'All of it was already here: nothing new.'
              : `${plural(applied.facts, 'new record')} and ${plural(applied.changes, 'new change')}.`}
            {applied.held ? ` Some of it waits for records not yet here: ${applied.held}` : ''}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

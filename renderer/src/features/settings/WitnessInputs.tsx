import { FileInput, Group, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { MethodInput } from '../../../../shared/contract';

export type VerifyInput = MethodInput<'integrity.verify'>;

/**
 * The witnesses an operator brings to a check: anchor files (from removable media) and a
 * chain head read off a print's footer. Files are read here and sent as they are; the
 * backend checks their form and their signatures.
 */
export function WitnessInputs({ onChange }: { onChange: (input: VerifyInput, error: string | null) => void }) {
  const [files, setFiles] = useState<File[]>([]);
  const [head, setHead] = useState('');

  async function update(nextFiles: File[], nextHead: string) {
    setFiles(nextFiles);
    setHead(nextHead);
    const anchors: NonNullable<VerifyInput['anchors']> = [];
    for (const f of nextFiles) {
      try {
        anchors.push({ name: f.name, anchor: JSON.parse(await f.text()) as NonNullable<VerifyInput['anchors']>[number]['anchor'] });
      } catch {
        onChange({}, `${f.name} is not an anchor file (it is not JSON)`);
        return;
      }
    }
    onChange({ anchors, heads: nextHead.trim() ? [nextHead.trim()] : [] }, null);
  }

  return (
    <Group align="flex-end" grow>
      <FileInput
        label="Anchor files to check against"
        placeholder="Choose eoc-anchor-….json"
        accept="application/json,.json,.anchor"
        multiple
        clearable
        value={files}
        onChange={(f) => void update(f, head)}
        description="Saved earlier to removable media"
      />
      <TextInput
        label="Or a chain head read off a print"
        placeholder="Chain head 1234 · A1B2 C3D4 E5F6 0718 · key …"
        value={head}
        onChange={(e) => void update(files, e.currentTarget.value)}
        description="As printed in the footer of a form or export"
      />
    </Group>
  );
}

import { Button, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconCircle, IconEdit, IconLine, IconMapPin, IconPolygon, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { DrawApi, DrawShape } from './DrawController';

const TOOLS: { shape: DrawShape; label: string; icon: React.ReactNode; how: string }[] = [
  { shape: 'Marker', label: 'Draw a point', icon: <IconMapPin size={16} />, how: 'Click the map where it is.' },
  { shape: 'Line', label: 'Draw a line', icon: <IconLine size={16} />, how: 'Click each bend; click the last point again to finish.' },
  { shape: 'Polygon', label: 'Draw an area', icon: <IconPolygon size={16} />, how: 'Click each corner; click the first corner to close it.' },
  { shape: 'Circle', label: 'Draw a circle', icon: <IconCircle size={16} />, how: 'Click the centre, then click at the edge.' },
];

/** The drawing tools, as labelled buttons: what each does is said, not left to an icon. */
export function DrawPanel({ apiRef, incidentName }: { apiRef: React.RefObject<DrawApi | null>; incidentName: string | null }) {
  const [how, setHow] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  if (!incidentName) return <Text size="sm">Choose a working incident (top bar) to draw on its map: annotations are kept per incident.</Text>;
  return (
    <Stack gap="xs" data-testid="draw-panel">
      <Text size="sm">
        Drawings belong to <b>{incidentName}</b> and show on every workstation at once. After drawing, give it a label and a note.
      </Text>
      <SimpleGrid cols={2} spacing="xs">
        {TOOLS.map((t) => (
          <Button
            key={t.shape}
            variant="default"
            leftSection={t.icon}
            onClick={() => {
              apiRef.current?.draw(t.shape);
              setHow(t.how);
            }}
            data-testid={`draw-${t.shape.toLowerCase()}`}
          >
            {t.label}
          </Button>
        ))}
        <Button variant={editing ? 'filled' : 'default'} leftSection={<IconEdit size={16} />} onClick={() => setEditing(apiRef.current?.toggleEdit() ?? false)} data-testid="draw-edit">
          {editing ? 'Finish editing' : 'Move or reshape'}
        </Button>
        <Button
          variant="default"
          leftSection={<IconX size={16} />}
          onClick={() => {
            apiRef.current?.stop();
            setEditing(false);
            setHow(null);
          }}
        >
          Stop drawing
        </Button>
      </SimpleGrid>
      {how && (
        <Text size="sm" fw={600} aria-live="polite">
          {how} Esc cancels.
        </Text>
      )}
      {editing && (
        <Text size="sm" aria-live="polite">
          Drag a shape or its corners; the change is saved when you press Finish editing.
        </Text>
      )}
    </Stack>
  );
}

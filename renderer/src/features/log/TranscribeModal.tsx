import { Modal, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useRef } from 'react';
import type { Incident } from '../../../../shared/contract';
import { TranscribeForm } from './TranscribeForm';
import classes from './transcribe.module.css';

interface Props {
  opened: boolean;
  incident: Incident;
  onClose: () => void;
  onRecorded: (positionId: string) => void;
}

/** Transcribing a paper or radio log; Esc or Cancel asks before throwing typed lines away. */
export function TranscribeModal({ opened, incident, onClose, onRecorded }: Props) {
  const typed = useRef('');
  const close = () => {
    typed.current = '';
    onClose();
  };
  const requestClose = () => {
    const lines = typed.current.split('\n').filter((l) => l.trim()).length;
    if (!lines) return close();
    modals.openConfirmModal({
      title: 'Discard the typed lines?',
      children: (
        <Text>{`${lines} ${lines === 1 ? 'line is' : 'lines are'} typed and not recorded. Discarded lines cannot be brought back.`}</Text>
      ),
      labels: { confirm: 'Discard lines', cancel: 'Keep typing' },
      // Enter right after Esc keeps the work: discarding takes a deliberate Tab.
      cancelProps: { 'data-autofocus': true } as Record<string, unknown>,
      confirmProps: { color: 'red', 'data-testid': 'confirm-discard' } as Record<string, unknown>,
      onConfirm: close,
    });
  };
  return (
    <Modal
      opened={opened}
      onClose={requestClose}
      closeOnClickOutside={false}
      // Mantine listens for Esc on the whole window, so an Esc that closes the confirm on
      // top would also ask again here: only an Esc pressed inside this modal counts.
      closeOnEscape={false}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.nativeEvent.isComposing) {
          e.preventDefault();
          requestClose();
        }
      }}
      title={`Transcribe a paper or radio log into ${incident.name}${incident.exercise ? ' (EXERCISE)' : ''}`}
      size={1120}
      yOffset="3dvh"
      // As tall as the screen: the preview takes what the lines leave, Record stays in view.
      classNames={{ content: classes.content, body: classes.body }}
      transitionProps={{ duration: 0 }}
    >
      {opened && (
        <TranscribeForm
          incident={incident}
          onTyped={(text) => (typed.current = text)}
          onCancel={requestClose}
          onRecorded={(positionId) => {
            close();
            onRecorded(positionId);
          }}
        />
      )}
    </Modal>
  );
}

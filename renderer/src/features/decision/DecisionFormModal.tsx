import { Modal } from '@mantine/core';
import type { Decision } from '../../../../shared/contract';
import { DecisionForm } from './DecisionForm';

export function DecisionFormModal({ opened, onClose, incidentId, supersedes }: { opened: boolean; onClose: () => void; incidentId: string; supersedes?: Decision }) {
  return (
    <Modal opened={opened} onClose={onClose} title={supersedes ? `Supersede: ${supersedes.title}` : 'Record a decision'} size={860} closeOnClickOutside={false}>
      {opened && <DecisionForm incidentId={incidentId} supersedes={supersedes} onDone={onClose} />}
    </Modal>
  );
}

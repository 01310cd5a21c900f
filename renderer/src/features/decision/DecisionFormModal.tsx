import type { Decision } from '../../../../shared/contract';
import { DecisionForm } from './DecisionForm';
import { FormModal } from '../../components/FormModal';

export function DecisionFormModal({ opened, onClose, incidentId, supersedes }: { opened: boolean; onClose: () => void; incidentId: string; supersedes?: Decision }) {
  return (
    <FormModal opened={opened} onClose={onClose} title={supersedes ? `Supersede: ${supersedes.title}` : 'Record a decision'} size={860}>
      {opened && <DecisionForm incidentId={incidentId} supersedes={supersedes} onDone={onClose} />}
    </FormModal>
  );
}

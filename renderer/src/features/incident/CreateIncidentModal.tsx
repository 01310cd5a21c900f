import { openActivationSheet } from '../activation/open-activation-sheet';
import { CreateIncidentForm } from './CreateIncidentForm';
import { FormModal } from '../../components/FormModal';

export function CreateIncidentModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  return (
    <FormModal opened={opened} onClose={onClose} title="New incident or exercise" size={920}>
      {opened && (
        <CreateIncidentForm
          onCreated={(id) => {
            onCreated(id);
            onClose();
            // The region's one page comes up at once: who to call first, where the EOC opens.
            void openActivationSheet();
          }}
          onCancel={onClose}
        />
      )}
    </FormModal>
  );
}

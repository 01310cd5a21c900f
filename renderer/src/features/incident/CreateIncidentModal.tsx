import { Modal } from '@mantine/core';
import { CreateIncidentForm } from './CreateIncidentForm';

export function CreateIncidentModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="New incident or exercise" size={920} closeOnClickOutside={false}>
      {opened && (
        <CreateIncidentForm
          onCreated={(id) => {
            onCreated(id);
            onClose();
          }}
          onCancel={onClose}
        />
      )}
    </Modal>
  );
}

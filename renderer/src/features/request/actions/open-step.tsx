import type { Fill, RequestDetail } from '../../../../../shared/contract';
import { ACTION_LABELS, type RequestAction } from '../../../../../shared/domain/request-state';
import { closeModal, openModal } from '../../../lib/open-modal';
import { ReturnForm } from './ReturnForm';
import { SourceForm } from './SourceForm';
import { StepForm } from './StepForm';

/** Opens the form for one step, a fresh form each time and one at a time per request (see openModal). */
export function openStep(request: RequestDetail, action: RequestAction, timeZone: string, warning: string | null = null, fill?: Fill) {
  openModal({ title: `${request.number}: ${ACTION_LABELS[action]}`, size: action === 'source' ? 'xl' : 'lg' }, (id) => {
    const onDone = () => closeModal(id);
    return action === 'source' ? (
      <SourceForm request={request} timeZone={timeZone} onDone={onDone} />
    ) : action === 'return_resources' ? (
      <ReturnForm request={request} warning={warning} onDone={onDone} />
    ) : (
      <StepForm request={request} action={action} timeZone={timeZone} warning={warning} presetFillId={fill?.id} onDone={onDone} />
    );
  }, `step:${request.id}`);
}

import { DismissDialog } from './DismissDialog';
import { MergeDialog } from './MergeDialog';
import { PromoteDialog } from './PromoteDialog';

export type DialogAction = 'promote' | 'merge' | 'dismiss';

/** The dialog for the action at hand, on the given alerts. */
export function TriageDialogs({ action, alertIds, onClose, onDone }: { action: DialogAction | null; alertIds: string[]; onClose(): void; onDone(): void }) {
  if (!action || !alertIds.length) return null;
  const props = { alertIds, onClose, onDone };
  if (action === 'promote') return <PromoteDialog {...props} />;
  if (action === 'merge') return <MergeDialog {...props} />;
  return <DismissDialog {...props} />;
}

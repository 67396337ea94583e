// Types only, with .js: the unit tests load this file under Node's module rules.
import type { Evidence, StewardshipStep } from '../incident/evidence/types.js';

export type CustodyStep = 'transferred' | 'received' | 'checked_out' | 'checked_in' | 'analysed' | 'copied' | 'returned';

export type EvidenceAction = { kind: 'custody'; step: CustodyStep } | { kind: 'stewardship'; step: StewardshipStep };

export interface ActionPlan {
  title: string;
  /** What will happen, said before it does. */
  text: string;
  confirm: string;
  danger: boolean;
  /** Custody steps ask where and why; reasoned steps ask for a reason or a note. */
  asks: { place: boolean; person: boolean; signature: boolean; reason: string | null; reasonRequired: boolean };
}

const custody = (title: string, text: string, confirm: string, extra: Partial<ActionPlan['asks']> = {}): ActionPlan => ({
  title,
  text,
  confirm,
  danger: false,
  asks: { place: true, person: false, signature: false, reason: 'Notes', reasonRequired: false, ...extra },
});

const reasoned = (title: string, text: string, confirm: string, reason: string, danger: boolean, reasonRequired = true): ActionPlan => ({
  title,
  text,
  confirm,
  danger,
  asks: { place: false, person: false, signature: false, reason, reasonRequired },
});

/** The dialog for each action on an item: its title, its consequences in words, what it asks for. */
export function actionPlan(item: Pick<Evidence, 'number' | 'holder' | 'disposal_request' | 'sha256'>, action: EvidenceAction): ActionPlan {
  const holder = item.holder?.name ?? 'the holder';
  if (action.kind === 'custody') {
    switch (action.step) {
      case 'transferred':
        return custody('Hand over', `You start handing ${item.number} to the person you pick. You stay its holder until they sign for it; the custody log records both steps.`, 'Hand over', { person: true });
      case 'received':
        return custody(
          'Receive and sign',
          `You take over ${item.number} from ${holder}. Type your full name and accept the statement below to sign for it; from then on you hold it.`,
          'Sign and receive',
          { signature: true },
        );
      case 'checked_out':
        return custody('Check out', `You take ${item.number} out of storage for work on it. It cannot be handed over until you check it back in.`, 'Check out');
      case 'checked_in':
        return custody('Check in', `You return ${item.number} to storage. Say where it is kept now.`, 'Check in');
      case 'analysed':
        return custody('Record analysis', `Records in the custody log that you analysed ${item.number}: with what and why.`, 'Record analysis');
      case 'copied':
        return custody('Record a copy', `Records that a working copy of ${item.number} was made; say where the copy lives and why. Work on copies, never on the original.`, 'Record copy');
      case 'returned':
        return custody('Return', `Records that ${item.number} went back to where it belongs (its storage or its owner's custodian).`, 'Record return');
    }
  }
  const request = item.disposal_request;
  switch (action.step) {
    case 'place_hold':
      return reasoned('Place a legal hold', `While the hold lasts nobody, administrators included, can destroy or release ${item.number}.`, 'Place legal hold', 'Reason (matter, request from counsel…)', false);
    case 'lift_hold':
      return reasoned('Lift the legal hold', `${item.number} can then be destroyed or released again, with a second person's approval.`, 'Lift legal hold', 'Reason', true);
    case 'destroy':
      return reasoned(
        'Request destruction',
        `Asks a second person with evidence management rights to approve destroying ${item.number}.${item.sha256 ? ' Once approved, the stored file is deleted for good (unless another live item holds the same content);' : ' Once approved,'} the record and its custody log are kept.`,
        'Request destruction',
        'Reason',
        true,
      );
    case 'release':
      return reasoned('Request release', `Asks a second person to approve releasing ${item.number} (returned to its owner). The record and its custody log are kept.`, 'Request release', 'Reason', true);
    case 'approve':
      return reasoned(
        request?.action === 'destroy' ? 'Approve destruction' : 'Approve release',
        request?.action === 'destroy'
          ? `${request.requested_by.name} asked to destroy ${item.number}: “${request.reason}”. Approving deletes the stored file now; it cannot be undone.`
          : `${request?.requested_by.name ?? 'Someone'} asked to release ${item.number}: “${request?.reason ?? ''}”. Approving marks it released.`,
        request?.action === 'destroy' ? 'Approve and destroy' : 'Approve release',
        'Note (optional)',
        true,
        false,
      );
    case 'reject':
      return reasoned('Reject the request', `The ${request?.action === 'destroy' ? 'destruction' : 'release'} request is closed and ${item.number} stays as it is.`, 'Reject request', 'Why', false);
  }
}

import { invalid, type FieldProblem } from '../../domain/errors.js';
import { registerEntryExists } from '../../store/repositories/action-items.js';
import type { UnitOfWork } from '../transaction.js';

/** The control and risk an action item names must be in the organisation's register. */
export async function checkActionItemLinks(uow: UnitOfWork, links: { control_id?: string | null | undefined; risk_id?: string | null | undefined }): Promise<void> {
  const problems: FieldProblem[] = [];
  if (links.control_id && !(await registerEntryExists(uow.db, 'controls', uow.actor.organisationId, links.control_id))) problems.push({ path: 'control_id', message: `${links.control_id} is not a control of this organisation` });
  if (links.risk_id && !(await registerEntryExists(uow.db, 'risks', uow.actor.organisationId, links.risk_id))) problems.push({ path: 'risk_id', message: `${links.risk_id} is not a risk of this organisation` });
  if (problems.length) throw invalid('The action item names something not in the register.', problems);
}

import { useCurrentUser } from '../../auth/session';

/**
 * What the signed-in person's role lets them do on an incident, so the page offers only controls that
 * will work. The server decides; this only spares people buttons that would answer "Not allowed".
 */
export interface IncidentAbilities {
  edit: boolean;
  transition: boolean;
  note: boolean;
  tasks: boolean;
  managePeople: boolean;
}

const RESPONSE_WORK: IncidentAbilities = { edit: true, transition: true, note: true, tasks: true, managePeople: false };
const READ_ONLY: IncidentAbilities = { edit: false, transition: false, note: false, tasks: false, managePeople: false };

const BY_ROLE: Record<string, IncidentAbilities> = {
  admin: { ...RESPONSE_WORK, managePeople: true },
  incident_manager: { ...RESPONSE_WORK, managePeople: true },
  responder: RESPONSE_WORK,
  analyst: { ...READ_ONLY, note: true, tasks: true },
};

export function useIncidentAbilities(): IncidentAbilities {
  const user = useCurrentUser();
  return BY_ROLE[user.role] ?? READ_ONLY;
}

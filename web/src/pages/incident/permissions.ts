import { useSession } from '../../auth/session';

/**
 * What the signed-in person's role lets them do on an incident (from the session's permissions), so
 * the page offers only controls that will work. The server decides; this only spares people buttons
 * that would answer "Not allowed".
 */
export interface IncidentAbilities {
  edit: boolean;
  transition: boolean;
  note: boolean;
  tasks: boolean;
  managePeople: boolean;
}

export function useIncidentAbilities(): IncidentAbilities {
  const { permissions } = useSession();
  return {
    edit: permissions.has('incident.update'),
    transition: permissions.has('incident.transition'),
    note: permissions.has('incident.note'),
    tasks: permissions.has('task.write'),
    managePeople: permissions.has('incident.manage_people'),
  };
}

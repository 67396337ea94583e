import type { CommunicationRecord } from '../../services/communications/communication-record.js';

/** The public shape of a communication: the record without its tenancy column. */
export function presentCommunication<T extends CommunicationRecord>(communication: T): Omit<T, 'organisation_id'> {
  const { organisation_id: _organisation, ...visible } = communication;
  return visible;
}

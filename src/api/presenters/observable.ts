import type { ObservableHistory } from '../../services/observables/lookup-observable.js';
import type { ObservableRecord, SightingRecord } from '../../services/observables/observable-record.js';

/** Observables, sightings and "seen before" answers are public as services hand them out (no tenancy column on them). */
export const presentObservable = (observable: ObservableRecord) => observable;
export const presentSighting = (sighting: SightingRecord) => sighting;
export const presentHistory = (history: ObservableHistory) => ({ ...history, sightings: { items: history.sightings.items.map(presentSighting), next_cursor: history.sightings.next_cursor } });

import type { Tlp } from './incident.js';

/**
 * TLP marking definitions with their well-known STIX ids: the TLP 1.0 ones predefined by STIX 2.1
 * (white is TLP 2.0's clear), and the TLP 2.0 ones of the OASIS TLP 2.0 extension, which alone has
 * amber+strict.
 */
const TLP1_IDS: Record<Exclude<Tlp, 'amber+strict'>, string> = {
  clear: 'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9',
  green: 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da',
  amber: 'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82',
  red: 'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed',
};

const TLP2_IDS: Record<Tlp, string> = {
  clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'amber+strict': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};

export const TLP2_EXTENSION = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

const BY_ID = new Map<string, Tlp>([
  ...Object.entries(TLP1_IDS).map(([tlp, id]) => [id, tlp as Tlp] as const),
  ...Object.entries(TLP2_IDS).map(([tlp, id]) => [id, tlp as Tlp] as const),
]);

/** Reads TLP off a marking definition in a bundle, whichever way it is written. */
export function tlpOfMarkingDefinition(object: Record<string, unknown>): Tlp | null {
  const known = BY_ID.get(String(object.id));
  if (known) return known;
  const definition = object.definition as { tlp?: unknown } | undefined;
  const text = String(definition?.tlp ?? (typeof object.name === 'string' ? object.name.replace(/^TLP:/i, '') : '')).toLowerCase();
  if (text === 'white') return 'clear';
  return (['clear', 'green', 'amber', 'amber+strict', 'red'] as const).find((t) => t === text) ?? null;
}

export function tlpOfMarkingId(id: string): Tlp | null {
  return BY_ID.get(id) ?? null;
}

/** The strictest of several TLP levels (an object marked green and amber is amber). */
export function strictestTlp(levels: Tlp[]): Tlp | null {
  const order: Tlp[] = ['clear', 'green', 'amber', 'amber+strict', 'red'];
  return levels.reduce<Tlp | null>((worst, t) => (worst === null || order.indexOf(t) > order.indexOf(worst) ? t : worst), null);
}

/** The marking definition to export for a TLP level: the STIX 2.1 predefined one, or TLP 2.0's for amber+strict. */
export function markingDefinitionFor(tlp: Tlp): Record<string, unknown> {
  if (tlp === 'amber+strict') {
    return {
      type: 'marking-definition', spec_version: '2.1', id: TLP2_IDS[tlp], created: '2022-10-01T00:00:00.000Z', name: 'TLP:AMBER+STRICT',
      extensions: { [TLP2_EXTENSION]: { extension_type: 'property-extension', tlp_2_0: 'amber+strict' } },
    };
  }
  const level = tlp === 'clear' ? 'white' : tlp;
  return { type: 'marking-definition', spec_version: '2.1', id: TLP1_IDS[tlp], created: '2017-01-20T00:00:00.000Z', definition_type: 'tlp', name: `TLP:${level.toUpperCase()}`, definition: { tlp: level } };
}

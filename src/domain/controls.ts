/** The organisation's own view of a control: how far it is implemented and how well it works. */
export const IMPLEMENTATION_STATUSES = ['not_implemented', 'planned', 'partially_implemented', 'implemented', 'not_applicable'] as const;
export type ImplementationStatus = (typeof IMPLEMENTATION_STATUSES)[number];

/** A risk's reliance on a control, as a mitigation: planned, being put in place, or done. */
export const RISK_CONTROL_STATUSES = ['planned', 'in_progress', 'done'] as const;
export type RiskControlStatus = (typeof RISK_CONTROL_STATUSES)[number];

/** Effectiveness is a percentage (how much of the risk's likelihood the control takes away), maturity a CMMI-like 1–5. */
export const EFFECTIVENESS_RANGE = { min: 0, max: 100 } as const;
export const MATURITY_RANGE = { min: 1, max: 5 } as const;

export const CONTROL_REF_MAX = 100;
export const EVIDENCE_NOTES_MAX = 20_000;

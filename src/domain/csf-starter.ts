/**
 * The built-in starter catalog: the NIST Cybersecurity Framework 2.0 Core at the level most
 * organisations start from, its 6 Functions and 22 Categories, with their identifiers and names as
 * NIST publishes them (NIST CSWP 29, February 2024). The one-line summaries are ours. For the 106
 * Subcategories and the implementation examples, import NIST's OSCAL catalog of CSF 2.0
 * (docs/controls.md says where to get it).
 */
export interface StarterControl {
  ref: string;
  title: string;
  description: string;
  /** The Function the entry belongs to (a Function belongs to itself). */
  family: string;
  parent_ref: string | null;
}

export const CSF_STARTER = {
  name: 'NIST CSF 2.0 (Functions and Categories)',
  source: 'builtin:nist-csf-2.0',
  version: '2.0',
} as const;

interface Fn {
  id: string;
  name: string;
  summary: string;
  categories: Array<[id: string, name: string, summary: string]>;
}

const FUNCTIONS: Fn[] = [
  {
    id: 'GV',
    name: 'Govern',
    summary: 'Set, communicate and watch over the strategy, expectations and policy for managing cybersecurity risk.',
    categories: [
      ['GV.OC', 'Organizational Context', 'Know the mission, stakeholders, dependencies and legal and contractual duties that shape risk decisions.'],
      ['GV.RM', 'Risk Management Strategy', 'Agree priorities, constraints, risk tolerance and appetite, and use them for operational risk decisions.'],
      ['GV.RR', 'Roles, Responsibilities, and Authorities', 'Give people clear cybersecurity roles, responsibilities and authority, with accountability and resources.'],
      ['GV.PO', 'Policy', 'Write, communicate, enforce and review the cybersecurity policy.'],
      ['GV.OV', 'Oversight', 'Use what the risk management activities show to improve and adjust the strategy.'],
      ['GV.SC', 'Cybersecurity Supply Chain Risk Management', 'Identify, assess and manage the cybersecurity risks of suppliers and the supply chain.'],
    ],
  },
  {
    id: 'ID',
    name: 'Identify',
    summary: 'Understand the current cybersecurity risks to the organisation.',
    categories: [
      ['ID.AM', 'Asset Management', 'Know the data, hardware, software, systems, services and people that matter, by their importance.'],
      ['ID.RA', 'Risk Assessment', 'Understand the cybersecurity risk to the organisation, its assets and its people.'],
      ['ID.IM', 'Improvement', 'Find improvements to risk management processes and activities across all Functions.'],
    ],
  },
  {
    id: 'PR',
    name: 'Protect',
    summary: 'Use safeguards to manage the cybersecurity risks.',
    categories: [
      ['PR.AA', 'Identity Management, Authentication, and Access Control', 'Limit access to assets to authorised users, services and hardware, authenticated as the risk requires.'],
      ['PR.AT', 'Awareness and Training', 'Give people the awareness and training to do their cybersecurity-related tasks.'],
      ['PR.DS', 'Data Security', 'Protect the confidentiality, integrity and availability of data as the risk strategy requires.'],
      ['PR.PS', 'Platform Security', 'Manage the hardware, software and services of physical and virtual platforms securely.'],
      ['PR.IR', 'Technology Infrastructure Resilience', 'Build security architectures that protect assets and keep the organisation resilient.'],
    ],
  },
  {
    id: 'DE',
    name: 'Detect',
    summary: 'Find and analyse possible cybersecurity attacks and compromises.',
    categories: [
      ['DE.CM', 'Continuous Monitoring', 'Monitor assets to find anomalies, indicators of compromise and other potentially adverse events.'],
      ['DE.AE', 'Adverse Event Analysis', 'Analyse anomalies and adverse events to characterise them and detect incidents.'],
    ],
  },
  {
    id: 'RS',
    name: 'Respond',
    summary: 'Take action about a detected cybersecurity incident.',
    categories: [
      ['RS.MA', 'Incident Management', 'Manage the responses to detected incidents.'],
      ['RS.AN', 'Incident Analysis', 'Investigate to respond effectively and support forensics and recovery.'],
      ['RS.CO', 'Incident Response Reporting and Communication', 'Coordinate response with internal and external stakeholders as laws, rules and policies require.'],
      ['RS.MI', 'Incident Mitigation', 'Contain incidents and reduce their effects.'],
    ],
  },
  {
    id: 'RC',
    name: 'Recover',
    summary: 'Restore the assets and operations affected by a cybersecurity incident.',
    categories: [
      ['RC.RP', 'Incident Recovery Plan Execution', 'Restore the systems and services affected by incidents.'],
      ['RC.CO', 'Incident Recovery Communication', 'Coordinate restoration with internal and external parties.'],
    ],
  },
];

/** The 28 entries in Framework order: each Function, then its Categories. */
export const CSF_STARTER_CONTROLS: readonly StarterControl[] = FUNCTIONS.flatMap((fn) => [
  { ref: fn.id, title: fn.name, description: fn.summary, family: fn.name, parent_ref: null },
  ...fn.categories.map(([ref, title, description]) => ({ ref, title, description, family: fn.name, parent_ref: fn.id })),
]);

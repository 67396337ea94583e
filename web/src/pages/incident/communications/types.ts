/** Stakeholder communications as the API answers them (src/api/routes/communications/schema.ts). */
export type CommunicationStatus = 'draft' | 'in_review' | 'legal_reviewed' | 'approved' | 'sent' | 'withdrawn';
export type CommunicationKind = 'message' | 'status_update' | 'holding_statement';

export interface CommunicationStep {
  kind: string;
  at: string;
  actor_id: string;
  actor_name: string | null;
  body: string;
  comment: string | null;
}

export interface Communication {
  id: string;
  incident_id: string;
  audience: string;
  channel: string;
  kind: CommunicationKind;
  template_id: string | null;
  subject: string;
  body: string;
  recipients: string[];
  status: CommunicationStatus;
  needs_legal_review: boolean;
  gaps: string[];
  created_at: string;
  created_by: string;
  created_by_name: string | null;
  legal_reviewed_at: string | null;
  legal_reviewed_by_name: string | null;
  approved_at: string | null;
  approved_by_name: string | null;
  sent_at: string | null;
  sent_by_name: string | null;
  version: number;
  history: CommunicationStep[];
}

export interface TemplateOffer {
  id: string;
  name: string;
  audience: string;
  channel: string;
  holding_statement: boolean;
}

export interface IncidentCommunications {
  items: Communication[];
  next_status_update_due_at: string | null;
  status_update: { due_at: string; every_minutes: number; audience: string; overdue: boolean } | null;
  templates: TemplateOffer[];
  plan_version: number | null;
}

export const AUDIENCE_LABELS: Record<string, string> = {
  staff: 'Staff',
  executives: 'Executives / board',
  customers: 'Customers',
  regulators: 'Regulators',
  media: 'Media',
  law_enforcement: 'Law enforcement',
  partners: 'Partners',
  insurer: 'Insurer',
};

export const CHANNEL_LABELS: Record<string, string> = {
  email: 'E-mail',
  phone: 'Phone',
  website: 'Website',
  press_release: 'Press release',
  portal: 'Portal',
  letter: 'Letter',
  meeting: 'Meeting',
  chat: 'Chat',
};

export const STATUS_LABELS: Record<CommunicationStatus, string> = {
  draft: 'Draft',
  in_review: 'In legal review',
  legal_reviewed: 'Legally reviewed',
  approved: 'Approved',
  sent: 'Sent',
  withdrawn: 'Withdrawn',
};

export const KIND_LABELS: Record<CommunicationKind, string> = { message: 'Message', status_update: 'Status update', holding_statement: 'Holding statement' };

/** Order on screen: what needs someone now first, the record last. */
export const STATUS_ORDER: CommunicationStatus[] = ['in_review', 'legal_reviewed', 'approved', 'draft', 'sent', 'withdrawn'];

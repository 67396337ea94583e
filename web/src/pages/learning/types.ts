/** The proposal shapes, defined beside their pure helpers (proposals.ts). */
export type { Proposal, ProposalGroup, ProposalKind, ProposalStatus, ReasoningStep } from './proposals';

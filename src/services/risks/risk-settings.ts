import { DEFAULT_RISK_APPETITE, type RiskAppetite } from '../../domain/risk-appetite.js';
import { DEFAULT_RISK_MATRIX, type RiskMatrix } from '../../domain/risk-matrix.js';
import type { Db } from '../../store/database.js';
import { readSetting } from '../../store/repositories/plumbing.js';

export const RISK_MATRIX_SETTING = 'risk.matrix';
export const RISK_APPETITE_SETTING = 'risk.appetite';

/** The organisation's risk matrix; NIST SP 800-30's five levels until an administrator sets one. */
export async function riskMatrixOf(db: Db, organisationId: string): Promise<RiskMatrix> {
  return (await readSetting<RiskMatrix>(db, organisationId, RISK_MATRIX_SETTING)) ?? DEFAULT_RISK_MATRIX;
}

/** The organisation's appetite; at most `moderate` and no loss tolerance until one is set. */
export async function riskAppetiteOf(db: Db, organisationId: string): Promise<RiskAppetite> {
  return (await readSetting<RiskAppetite>(db, organisationId, RISK_APPETITE_SETTING)) ?? DEFAULT_RISK_APPETITE;
}

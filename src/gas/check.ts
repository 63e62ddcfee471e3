/** The compliance check as an Apps Script menu command and macro. */
import { runComplianceCheck as runCheck } from '../app/check';
import { gasPorts } from './ports';

export function runComplianceCheck(): void {
  runCheck(gasPorts());
}

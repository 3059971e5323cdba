/** What a control says under itself when the lab did not use a value it sent (./controllers.ts `showProblem`). */
import { problemOf } from '../replies';
import type { FieldProblem } from './controllers';

export const notUsed = 'That value was not used';

/**
 * A refusal from the lab, for the control that sent it: its problem lines without the leading field path
 * ("optimizer.alpha: must be …" → "must be …"), since the message sits under the control that names it.
 */
export function refusal(error: unknown): FieldProblem {
  const { heading, problems } = problemOf(error);
  return { heading: notUsed, lines: problems.length ? problems.map((problem) => problem.replace(/^[\w.[\]-]+:\s/, '')) : [heading] };
}

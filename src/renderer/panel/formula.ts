/**
 * Surface → "Your formula" (issue 18, part 1): a text field for a surface f(x, y), checked as it is typed
 * (../../engine/formula-check.ts: where it stops parsing, an unknown name, no y, not finite on most of the
 * view), with its partial derivatives shown, and applied on Enter or Apply as `set('model', {kind:
 * 'surface', expr})`. A refused formula leaves the running scenario as it was: the message stays at the
 * field. The x and y range shown is the view's, which holds the starting cloud (Starting cloud → Centre,
 * Spread move it).
 */
import type { Scenario } from '../../shared/scenario';
import { checkFormula, type FormulaCheck, type Range2 } from '../../engine/formula-check';
import { button, element } from '../dom';
import type { Lab } from '../lab';
import { LabError } from '../replies';

/** Milliseconds of quiet typing before the formula is checked. */
const checkDelay = 150;

/** The message under the field: the problem, and a caret under the character where parsing stopped. */
export function problemText(check: Extract<FormulaCheck, { ok: false }>, text: string): string {
  if (check.position === null) return check.problem;
  // mathjs counts characters from 1, and points one past the end at an unexpected end.
  const at = Math.min(Math.max(check.position - 1, 0), text.length);
  return `${check.problem}\n${text}\n${' '.repeat(at)}^`;
}

/** What the field says about a formula it takes: its derivatives. */
export function derivativeText(check: Extract<FormulaCheck, { ok: true }>): string {
  return `∂f/∂x = ${check.dx}\n∂f/∂y = ${check.dy}`;
}

export class FormulaField {
  readonly element = element('div', undefined, 'formula-field');
  private readonly input = element('input');
  private readonly apply = button('Apply', 'Use this formula as the surface (Enter)');
  private readonly message = element('pre', '', 'formula-message');
  private readonly range = element('p', '', 'formula-range');
  private scenario: Scenario | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Checks answer out of order (mathjs loads on the first): only the latest one's answer is shown. */
  private checks = 0;
  private last: { text: string; check: FormulaCheck } | null = null;

  constructor(private readonly lab: Lab) {
    this.input.type = 'text';
    this.input.spellcheck = false;
    this.input.placeholder = 'e.g. x^2 + 3*y^2';
    this.input.setAttribute('aria-label', 'Your formula f(x, y)');
    this.input.dataset.testid = 'formula-input';
    this.apply.dataset.testid = 'formula-apply';
    this.apply.disabled = true;
    this.message.dataset.testid = 'formula-message';
    this.message.setAttribute('role', 'status');
    this.range.dataset.testid = 'formula-range';
    const label = element('label', 'Your formula f(x, y)');
    const row = element('div', undefined, 'formula-row');
    row.append(this.input, this.apply);
    this.element.dataset.testid = 'formula-field';
    this.element.append(label, row, this.message, this.range);
    label.addEventListener('click', () => this.input.focus());
    this.input.addEventListener('input', () => this.schedule());
    this.input.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      void this.submit();
    });
    this.apply.addEventListener('click', () => void this.submit());
  }

  /** The lab's scenario: the field shows its formula (unless the user is typing another) and the view's range. */
  show(scenario: Scenario, enabled: boolean): void {
    const previous = this.scenario?.model;
    this.scenario = scenario;
    const model = scenario.model;
    this.element.hidden = model.kind !== 'surface';
    this.input.disabled = !enabled;
    if (model.kind !== 'surface') return;
    const expr = model.expr ?? '';
    const changed = previous?.kind !== 'surface' || previous.expr !== model.expr || previous.fn !== model.fn;
    if (changed && document.activeElement !== this.input) {
      this.input.value = expr;
      this.message.textContent = model.fn ? `Now the named surface ${model.fn}: type a formula to replace it.` : '';
      this.last = null;
      this.apply.disabled = true;
    }
    const range = this.viewRange();
    this.range.textContent = range
      ? `View: x in [${range[0].map(short).join(', ')}], y in [${range[1].map(short).join(', ')}] (it holds the starting cloud)`
      : '';
  }

  private viewRange(): Range2 | null {
    return this.lab.loaded?.range ?? null;
  }

  private schedule(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.apply.disabled = true;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.check();
    }, checkDelay);
  }

  private async check(): Promise<FormulaCheck> {
    const text = this.input.value;
    const id = ++this.checks;
    const range = this.viewRange() ?? [
      [-1, 1],
      [-1, 1],
    ];
    const check = await checkFormula(text, range);
    if (id === this.checks) {
      this.last = { text, check };
      this.showCheck(text, check);
    }
    return check;
  }

  private showCheck(text: string, check: FormulaCheck): void {
    this.element.classList.toggle('refused', !check.ok);
    this.message.textContent = check.ok ? derivativeText(check) : problemText(check, text);
    const current = this.scenario?.model;
    this.apply.disabled = !check.ok || (current?.kind === 'surface' && current.expr === text);
  }

  /** Enter or Apply: checks the text now (typing may be ahead of the last check), then sends it. */
  private async submit(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const text = this.input.value;
    const check = this.last?.text === text ? this.last.check : await this.check();
    if (!check.ok || this.input.value !== text) return;
    this.apply.disabled = true;
    try {
      await this.lab.set('model', { kind: 'surface', expr: text });
      this.message.textContent = `${derivativeText(check)}\nApplied.`;
    } catch (error) {
      // The trainer refused it (or the page lost it): the running scenario is kept, and the reason shown here.
      this.element.classList.add('refused');
      this.message.textContent = error instanceof LabError ? error.message : String(error);
      this.apply.disabled = false;
    }
  }
}

const short = (v: number) => String(Number(v.toPrecision(4)));

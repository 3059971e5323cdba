/**
 * A race's problems as the user reads them (issue 22): the scenario's validation names a group by its index
 * (`groups[2].optimizer.alpha: must be a finite number > 0`) where the page shows its name and colour, so each
 * such line is rewritten to name the group as shown and the field as the panel does
 * ("Adam (group 3): learning rate α must be a finite number > 0"). No DOM: tested in node.
 */

/** Optimizer fields as the panel and the race builder label them. */
const fieldNames: Record<string, string> = {
  alpha: 'learning rate α',
  beta: 'momentum β',
  rho: 'decay ρ',
  beta1: 'β₁',
  beta2: 'β₂',
  eps: 'ε',
  kind: 'optimizer',
  schedule: 'schedule',
};

type GroupLike = { name?: unknown; optimizer?: { kind?: unknown; alpha?: unknown } } | null | undefined;

/**
 * A group's name as the race shows it: its own, or "kind α=…" (engine/experiments/race.ts `groupNames`, the
 * legend's), or only its number when not even that can be read.
 */
export function groupName(group: GroupLike, index: number): string {
  if (typeof group?.name === 'string' && group.name.trim() !== '') return group.name;
  const { kind, alpha } = group?.optimizer ?? {};
  if (typeof kind === 'string' && typeof alpha === 'number') return `${kind} α=${alpha}`;
  return `Group ${index + 1}`;
}

const groupLine = /^groups\[(\d+)\](?:\.([^:]+))?: (.*)$/s;

/** One problem line about a group, named as shown; any other line unchanged. */
function named(problem: string, groups: readonly GroupLike[]): string {
  const match = groupLine.exec(problem);
  if (!match) return problem;
  const index = Number(match[1]);
  const [, , path = '', message] = match;
  const label = `${groupName(groups[index], index)} (group ${index + 1})`;
  const field =
    path === 'name' ? 'name' : path.startsWith('optimizer.') ? fieldNames[path.slice('optimizer.'.length)] : path === 'optimizer' ? 'optimizer' : undefined;
  if (field) return `${label}: ${field} ${message}`;
  return path ? `${label}: ${path}: ${message}` : `${label}: ${message}`;
}

/**
 * The problems of a scenario (as given, valid or not) with every group named as shown. In a race the
 * top-level optimizer is the first group's (the presets and the Race tab write the same one twice), so a
 * line about it that repeats the first group's is left out: the user sees it once, under the group's name.
 */
export function nameGroupProblems(problems: readonly string[], scenario: unknown): string[] {
  const groups = (scenario as { groups?: unknown } | null)?.groups;
  if (!Array.isArray(groups)) return [...problems];
  const firstGroup = new Set(problems.filter((p) => p.startsWith('groups[0].optimizer')).map((p) => p.slice('groups[0].'.length)));
  return problems.filter((p) => !(p.startsWith('optimizer') && firstGroup.has(p))).map((p) => named(p, groups as GroupLike[]));
}

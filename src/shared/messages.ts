/**
 * The one contract between the page (or the supervisor) and the trainer: messages are a discriminated
 * union on `type` (kebab-case), validated on arrival by both sides. Frames carry typed arrays only;
 * scenarios travel as plain JSON and are validated like a scenario file (./validate.ts).
 */
import { z } from 'zod';
import { landscapeCommandSchema, landscapeEventSchema, landscapeProgressSchema } from './landscape-messages';
import { stopReasons, type StopReason } from './stopping';

const count = (max: number) => z.int().gte(1).lte(max);
const range2 = z.tuple([z.tuple([z.number(), z.number()]), z.tuple([z.number(), z.number()])]);

/** The trainer's view of the parameters: two parameter axes, or two random directions (Li et al. 2018). */
export const viewSchema = z.union([z.strictObject({ axes: z.tuple([z.int().gte(0), z.int().gte(0)]) }), z.strictObject({ random: z.int() })]);
export type View = z.infer<typeof viewSchema>;

/** Messages to the trainer. */
export const commandSchema = z.discriminatedUnion('type', [
  /** `undoable`: keep the run it replaces (its cloud, optimizer state, history and playing) for one `undo`. */
  z.strictObject({ type: z.literal('load'), scenario: z.unknown(), undoable: z.boolean().optional() }),
  /** Back to the run an undoable load replaced, exactly as it was; refused when there is none. */
  z.strictObject({ type: z.literal('undo') }),
  /** A change to one field of the scenario by path ("optimizer.alpha"); hot fields apply at the next step. */
  z.strictObject({ type: z.literal('set'), path: z.string().min(1).max(100), value: z.unknown() }),
  z.strictObject({ type: z.literal('reset') }),
  z.strictObject({ type: z.literal('play') }),
  z.strictObject({ type: z.literal('pause') }),
  z.strictObject({ type: z.literal('step'), count: count(1_000_000).default(1) }),
  z.strictObject({ type: z.literal('speed'), stepsPerFrame: count(100_000) }),
  /** The most threads the trainer may step a cloud on (null: every core); a `threads` event answers. */
  z.strictObject({ type: z.literal('threads'), count: count(256).nullable() }),
  /** Flow control: the trainer sends one frame per request, built when sent, so nothing ever queues. */
  z.strictObject({ type: z.literal('request-frame') }),
  z.strictObject({ type: z.literal('request-surface'), id: z.int(), resolution: z.int().gte(2).lte(1024), range: range2.optional() }),
  z.strictObject({ type: z.literal('view'), view: viewSchema }),
  /** Follow one particle (the inspector's): its parameters come with every frame; null stops following. */
  z.strictObject({ type: z.literal('select'), index: z.int().gte(0).nullable() }),
  z.strictObject({ type: z.literal('ping'), id: z.int() }),
  /** Replay: back (or forward, within the history) to this step exactly, paused; a frame follows. */
  z.strictObject({ type: z.literal('seek'), step: z.int().gte(0) }),
  /** One step of the whole run, with particle `index`'s step taken apart first (a `microscope` event, then a frame). */
  z.strictObject({ type: z.literal('microscope'), index: z.int().gte(0) }),
  /** The loss on a slice around one particle, with its path (./landscape-messages.ts); a `pause` cancels it. */
  landscapeCommandSchema,
]);
export type TrainerCommand = z.input<typeof commandSchema>;
export type ParsedCommand = z.output<typeof commandSchema>;

export const runStatusSchema = z.enum(['running', 'paused', 'done']);
export type RunStatus = z.infer<typeof runStatusSchema>;

/** One particle's whole parameter vector (for the data view and the inspector). */
const particleSchema = z.strictObject({ index: z.int().gte(0), params: z.instanceof(Float64Array) }).nullable();

const summarySchema = z.strictObject({
  count: z.int(),
  converged: z.int(),
  diverged: z.int(),
  running: z.int(),
  bestLoss: z.number().nullable(),
  meanLoss: z.number().nullable(),
  reasons: z.strictObject(Object.fromEntries(stopReasons.map((r) => [r, z.int().gte(0)])) as Record<StopReason, z.ZodInt>),
  /** The best particle's loss on the held-out share, when the data have one (engine/metrics.ts). */
  testLoss: z.number().nullable().optional(),
  /** The best particle's share of rows classified right (0 to 1), on a classification set. */
  trainAccuracy: z.number().gte(0).lte(1).nullable().optional(),
  testAccuracy: z.number().gte(0).lte(1).nullable().optional(),
});

/** One group of an optimizer race (engine/experiments/race.ts, RaceGroupSummary). */
const groupSummarySchema = summarySchema.extend({ firstSteps: z.int().nullable(), medianSteps: z.number().nullable() });

const particleStatus = z.enum(['running', 'converged', 'diverged']);
const vectorSchema = z.instanceof(Float64Array);

/**
 * One particle's step taken apart (engine/experiments/microscope.ts): its vectors by name (params, gradient,
 * fullGradient, adjusted, v, m, mHat, vHat, s, delta, after), the batch's rows and data, and the arrows in
 * the view's plane (a step's vectors scaled by −lr, the step itself as it is). Non-finite numbers are null.
 */
export const microscopeEventSchema = z.strictObject({
  type: z.literal('microscope'),
  particle: z.int().gte(0),
  step: z.int().gte(1),
  epoch: z.int().gte(0),
  statusBefore: particleStatus,
  statusAfter: particleStatus,
  stopped: z.string().nullable(),
  paramNames: z.array(z.string()),
  optimizer: z.string(),
  lr: z.number().nullable(),
  clipScale: z.number().nullable(),
  corrections: z.tuple([z.number(), z.number()]).nullable(),
  loss: z.number().nullable(),
  fullLoss: z.number().nullable(),
  dataRows: z.int().gte(0),
  batch: z.strictObject({ rows: z.instanceof(Int32Array), inputs: z.int(), outputs: z.int(), x: vectorSchema, y: vectorSchema }).nullable(),
  vectors: z.record(z.string(), vectorSchema),
  /** In the view's plane: the particle's place, each move, and the view's range (for a sense of scale). */
  arrows: z
    .strictObject({
      origin: z.tuple([z.number(), z.number()]),
      projected: z.boolean(),
      vectors: z.record(z.string(), z.tuple([z.number(), z.number()])),
      range: range2,
    })
    .nullable(),
});
export type MicroscopeEvent = z.infer<typeof microscopeEventSchema>;

/** One channel's quantisation (frame-codec.ts): finite numbers, a positive spread. */
const channelScaleSchema = z.strictObject({ centre: z.number(), spread: z.number().positive(), low: z.number(), high: z.number() });

/** Messages from the trainer. */
export const eventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready') }),
  z.strictObject({
    type: z.literal('loaded'),
    /** The validated scenario, defaults filled in. */
    scenario: z.record(z.string(), z.unknown()),
    paramNames: z.array(z.string()),
    count: z.int(),
    /** What the two shown coordinates are: parameter names, or "direction 1" and "direction 2". */
    axes: z.tuple([z.string(), z.string()]),
    /** A view range that holds the cloud (and, for a named surface, its interesting part). */
    range: range2,
    /** An optimizer race (issue 8): each group's name, and the group of each particle (sent once, here). */
    groups: z.strictObject({ names: z.array(z.string()).min(2).max(6), of: z.instanceof(Uint8Array) }).optional(),
    /** Whether an `undo` would bring back the run this one replaced (an undoable load's). */
    undo: z.boolean().optional(),
  }),
  /**
   * The threads stepping the cloud (CONTRACTS §7): `used` now (one for a cloud under 32,768 particles, a race,
   * or where workers cannot share memory), at most `allowed` (the page's setting), on `cores` cores. Sent
   * after each load and each `threads` command.
   */
  z.strictObject({ type: z.literal('threads'), used: z.int().gte(1), allowed: z.int().gte(1), cores: z.int().gte(1), shared: z.boolean() }),
  /** 7 bytes a particle (see ./frame-codec.ts, which encodes and decodes them). */
  z
    .strictObject({
      type: z.literal('frame'),
      epoch: z.int(),
      step: z.int(),
      status: runStatusSchema,
      /** Two Uint16 codes per particle (x, y) of its place in the view; a diverged particle keeps its last finite place. */
      positions: z.instanceof(Uint16Array),
      /** A Uint16 code per particle of its full-data loss (its last finite value once diverged). */
      losses: z.instanceof(Uint16Array),
      /** How each channel was quantised: what turns the codes back into numbers. */
      scales: z.strictObject({ x: channelScaleSchema, y: channelScaleSchema, loss: channelScaleSchema }),
      /** 1 running, 2 converged, 3 diverged. */
      statuses: z.instanceof(Uint8Array),
      summary: summarySchema,
      /** The particle with the lowest finite loss, or null when none has one. */
      best: particleSchema,
      /** The particle chosen with `select`, or null. */
      selected: particleSchema,
      /** An optimizer race: each group's summary, with its first and median step of convergence. */
      groups: z.array(groupSummarySchema).optional(),
    })
    .refine((f) => f.positions.length === 2 * f.statuses.length && f.losses.length === f.statuses.length, {
      message: 'positions (two per particle), losses and statuses must describe the same particles',
    }),
  z.strictObject({ type: z.literal('surface'), id: z.int(), range: range2, resolution: z.int(), values: z.instanceof(Float32Array) }),
  /** Errors are values: the run goes on as it was. */
  z.strictObject({ type: z.literal('error'), message: z.string(), problems: z.array(z.string()) }),
  z.strictObject({ type: z.literal('pong'), id: z.int() }),
  /** The scenario as it stands, for the supervisor to restore after a crash. */
  z.strictObject({ type: z.literal('checkpoint'), scenario: z.record(z.string(), z.unknown()), playing: z.boolean(), stepsPerFrame: z.int() }),
  /** The furthest step recorded in the run's history (what `seek` can reach); sent after a frame when it changed. */
  z.strictObject({ type: z.literal('history'), furthest: z.int().gte(0) }),
  /**
   * Long work under way (sent about every 250 ms): a `step(n)` or a seek's replay (`kind`; a step when
   * absent), the run's step now, and `done` of its `count` steps.
   */
  z.strictObject({ type: z.literal('progress'), kind: z.enum(['step', 'seek']).optional(), step: z.int().gte(0), done: z.int().gte(0), count: z.int().gte(1) }),
  microscopeEventSchema,
  landscapeProgressSchema,
  landscapeEventSchema,
]);
export type TrainerEvent = z.infer<typeof eventSchema>;
/** A frame as it travels: per-particle codes and their scales. */
export type FrameMessage = Extract<TrainerEvent, { type: 'frame' }>;
/** A frame as the page reads it once decoded (frame-codec.ts): float32 coordinates and losses. */
export type FrameEvent = Omit<FrameMessage, 'positions' | 'losses' | 'scales'> & { positions: Float32Array; losses: Float32Array };

/** The problems of a malformed message, one line each, or null when it is well formed. */
export function messageProblems(schema: z.ZodType, message: unknown): string[] | null {
  const result = schema.safeParse(message);
  if (result.success) return null;
  return result.error.issues.map((issue) => `${issue.path.map(String).join('.') || 'message'}: ${issue.message}`);
}

/**
 * The shape check of the window messages the desktop preload posts to the page (../shared/desktop.ts).
 * Anything else on the window's message channel is not ours and is ignored. No DOM: tested in node.
 */
import { z } from 'zod';
import { TRAINER_LOST_MESSAGE, TRAINER_PORT_MESSAGE, type TrainerLostMessage, type TrainerPortMessage } from '../shared/desktop';

// Not strict: a newer preload may add fields, and the page needs only these.
const desktopMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal(TRAINER_PORT_MESSAGE), notice: z.string().max(2000).nullable() }),
  z.object({ type: z.literal(TRAINER_LOST_MESSAGE), reason: z.string().max(2000) }),
]);

/** The message if it is one of the preload's, else null. */
export function desktopMessage(data: unknown): TrainerPortMessage | TrainerLostMessage | null {
  const result = desktopMessageSchema.safeParse(data);
  return result.success ? result.data : null;
}

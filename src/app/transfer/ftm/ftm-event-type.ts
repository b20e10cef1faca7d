import type { ActType } from '../../../domain/vocabularies.js';
import { ACT_CUES } from '../../../ingest/act-cues.js';

/**
 * The act an Event from another tool describes, read from its name and description with the
 * cue phrases extraction uses: the cue found earliest in the text. Undefined when none is found.
 */
export function actTypeOf(text: string): ActType | undefined {
  let best: { type: ActType; at: number } | undefined;
  for (const cue of ACT_CUES) {
    const at = text.search(cue.re);
    if (at >= 0 && (!best || at < best.at)) best = { type: cue.type, at };
  }
  return best?.type;
}

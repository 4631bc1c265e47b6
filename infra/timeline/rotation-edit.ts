/**
 * Membership changes that do not change who is on call now.
 *
 * PagerDuty re-counts a layer's turns from its rotation virtual start whenever the list of users
 * changes, so removing or adding someone usually hands the current turn to somebody else. Moving
 * the virtual start back by whole turns re-aligns the count so the current on-caller keeps the
 * turn; the turn boundaries themselves stay where they were.
 */
import { DateTime } from "luxon";
import type { LayerInputs } from "../graph/inputs";
import type { Ref } from "../graph/types";
import { prepareLayer, turnAt, turnHolder, turnStart } from "./layer";

/**
 * A rotation virtual start for `layer` with `newUsers` under which the holder of the turn running
 * at `instant` is unchanged: the nearest one at or before the current virtual start, a whole
 * number of turns earlier (written as an ISO instant with the zone's offset). Null when that
 * person is not among `newUsers` or the layer has no users.
 *
 * The turn holder is taken from the rotation alone: restrictions, start and end only hide turns,
 * they do not re-assign them, so the same answer holds whether or not the instant is restricted.
 */
export function keepCurrentOnCall(
  layer: LayerInputs,
  zone: string,
  instant: number,
  newUsers: readonly Ref[],
): string | null {
  const prepared = prepareLayer(layer, zone);
  const k = turnAt(prepared, instant);
  const holder = turnHolder(prepared, k);
  const n = newUsers.length;
  if (holder === null || n === 0) return null;

  // Moving the virtual start back by m turns makes the turn at `instant` number k + m; the holder
  // is newUsers[(k + m) mod n]. The smallest such m ≥ 0 is the nearest earlier virtual start.
  let best: number | null = null;
  newUsers.forEach((user, index) => {
    if (user.ref !== holder) return;
    const m = (((index - k) % n) + n) % n;
    if (best === null || m < best) best = m;
  });
  if (best === null) return null;

  const virtualStart = turnStart(prepared, -best);
  return DateTime.fromMillis(virtualStart, { zone }).toISO({ suppressMilliseconds: true });
}

/**
 * The on-call timeline: expands schedules into who is on call when, measures coverage against a
 * requirement, finds double bookings and proposes rotation edits that keep the current on-caller.
 * Instants are epoch milliseconds throughout; `parseInstant` and `localToInstant` produce them.
 */
export { onCallAt, onCallIntervals, type Shift } from "./schedule";
export {
  computeCoverage,
  findDoubleBookings,
  requiredSpans,
  type Coverage,
  type CoverageGap,
  type CoverageRequirement,
  type DoubleBooking,
} from "./coverage";
export { keepCurrentOnCall } from "./rotation-edit";
export { localToInstant, parseInstant, type LocalTimeResult, type LocalTimeError } from "./zone";
export type { Span } from "./intervals";

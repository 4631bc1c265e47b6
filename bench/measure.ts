/**
 * Time and peak memory of one stage, inside the child process that runs it.
 *
 * Peak memory is the process's resident set high-water mark (VmHWM in /proc/self/status), which is
 * what the machine must have free. Before the measured stage the child collects garbage (it runs
 * with --expose-gc) and resets the high-water mark to the current resident size by writing 5 to
 * /proc/self/clear_refs (Linux 4.0+), so the stage's peak is not masked by the stages it needed
 * first. The peak still includes what the stage holds as input (the model, the graph): that memory
 * is resident while the stage runs. Where the reset is refused, the lifetime peak
 * (`process.resourceUsage().maxRSS`) is reported and `peakReset` says so.
 */
import { readFileSync, writeFileSync } from "node:fs";

export interface Measurement<T> {
  value: T;
  seconds: number;
  /** Resident set before the stage, after garbage collection, in MB. */
  baseMb: number;
  /** Highest resident set while the stage ran (or over the process's life, see peakReset), MB. */
  peakMb: number;
  /** False when the high-water mark could not be reset and peakMb is the lifetime peak. */
  peakReset: boolean;
}

const MB = 1024 * 1024;

/** A field of /proc/self/status in bytes, or undefined off Linux. */
function statusBytes(field: "VmRSS" | "VmHWM"): number | undefined {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(
      readFileSync("/proc/self/status", "utf8"),
    );
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

function resetPeak(): boolean {
  try {
    writeFileSync("/proc/self/clear_refs", "5");
    return true;
  } catch {
    return false;
  }
}

export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** The lifetime peak of this process in MB (maxRSS is in kB). */
export function lifetimePeakMb(): number {
  return (statusBytes("VmHWM") ?? process.resourceUsage().maxRSS * 1024) / MB;
}

export async function measure<T>(stage: () => T | Promise<T>): Promise<Measurement<T>> {
  collectGarbage();
  const peakReset = resetPeak();
  // Read after the reset: the high-water mark starts here, so the peak is never below the base.
  const base = statusBytes("VmRSS") ?? process.memoryUsage().rss;
  const started = performance.now();
  const value = await stage();
  const seconds = (performance.now() - started) / 1000;
  const peak = peakReset ? (statusBytes("VmHWM") ?? base) : lifetimePeakMb() * MB;
  return { value, seconds, baseMb: base / MB, peakMb: peak / MB, peakReset };
}

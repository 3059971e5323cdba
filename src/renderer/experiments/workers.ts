/**
 * How many Web Workers an experiment's job (a stability map, a basins map, a tuning) spreads its cells over:
 * every core the browser reports. The one place that reads it, so that a thread setting of the page
 * (issue 17) can take its place.
 */
export function experimentWorkers(): number {
  return Math.max(1, Math.floor(navigator.hardwareConcurrency || 1));
}

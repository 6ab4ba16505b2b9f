// Bounds of the exploration queries: every argument that scales the work is checked here, so an
// out-of-range request fails with BAD_USER_INPUT before it reaches the database.
import { badInput } from '../../shared/errors';

export const LIMITS = {
  maxHops: { min: 1, max: 6 },
  pathsFirst: { min: 1, max: 10 },
  neighbourhoodHops: { min: 1, max: 3 },
  neighbourhoodLimit: { min: 1, max: 200 },
  sharedIds: { min: 2, max: 10 },
  timelineHops: { min: 1, max: 3 },
} as const;

export function bounded(name: string, value: number, range: { min: number; max: number }): number {
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    throw badInput(`${name} must be between ${range.min} and ${range.max}, got ${value}`, name);
  }
  return value;
}

// The one-paragraph report printed to stderr after a run: counts per entity and relationship
// type, the best-connected entity, file size and time.
import type { GenerateStats } from './graph';

function list(counts: Map<string, number>): string {
  return [...counts].map(([name, n]) => `${name} ${n.toLocaleString('en')}`).join(', ');
}

function size(bytes: number): string {
  return bytes >= 1 << 30 ? `${(bytes / (1 << 30)).toFixed(2)} GiB` : `${(bytes / (1 << 20)).toFixed(1)} MiB`;
}

export function summarize(stats: GenerateStats, target: string, seconds: number): string {
  const entities = [...stats.entities.values()].reduce((a, b) => a + b, 0);
  const relationships = [...stats.relationships.values()].reduce((a, b) => a + b, 0);
  return `Generated ${entities.toLocaleString('en')} entities (${list(stats.entities)}) and ` +
    `${relationships.toLocaleString('en')} relationships (${list(stats.relationships)}); ` +
    `max degree ${stats.maxDegree.degree.toLocaleString('en')} (${stats.maxDegree.id}); ` +
    `${stats.lines.toLocaleString('en')} lines, ${size(stats.bytes)} to ${target} in ${seconds.toFixed(1)} s.`;
}

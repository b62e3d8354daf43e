import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/**
 * The benches' committed record: one JSON line per bench run in bench/history.jsonl, with the
 * commit it measured, the date, the machine, the figures (absolute, machine-dependent) and the
 * ratios to the baselines measured in the same run (the budgets that must hold everywhere,
 * quality.md). `npm run bench:compare` compares each bench's newest ratios with its previous
 * recorded ones and fails on a regression beyond the tolerance.
 *
 * Every ratio is a cost: the measured path ÷ its bare baseline (time ÷ time), so lower is better
 * and a regression is an increase. A bench whose ratio is a benefit (throughput ÷ throughput)
 * names it in `higherIsBetter`, and a decrease is the regression there.
 */
export const HISTORY_FILE = 'bench/history.jsonl';
/** A ratio may move by this much (25 %) between two recorded runs before it counts as a regression: what the shared 2-core machines' run-to-run noise on a same-run ratio stays within. */
export const DEFAULT_TOLERANCE = 0.25;

export interface BenchRecord {
  bench: string;
  commit: string;
  /** The working tree had uncommitted changes when the bench ran. */
  dirty: boolean;
  date: string;
  host: { cpus: number; model: string; node: string };
  ratios: Record<string, number>;
  higherIsBetter?: string[];
  figures: Record<string, number>;
}

export interface RatioCheck {
  bench: string;
  ratio: string;
  previous: number;
  current: number;
  /** current ÷ previous − 1: +0.30 is 30 % higher than last time. */
  change: number;
  regressed: boolean;
  previousCommit: string;
  currentCommit: string;
}

const round = (v: number, digits: number) => Number(v.toFixed(digits));
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isPercentiles = (v: unknown): v is { p50: number; p95: number; p99: number } => typeof v === 'object' && v !== null && isNum((v as { p50?: unknown }).p50) && isNum((v as { p99?: unknown }).p99);

/**
 * What of a bench's result goes into the history, kept small: `ratios` (an object) and every
 * top-level number named ratio…; as figures, the top-level numbers and the p50/p95/p99 of
 * top-level percentile objects.
 */
export function summarize(result: Record<string, unknown>): Pick<BenchRecord, 'ratios' | 'figures' | 'higherIsBetter'> {
  const ratios: Record<string, number> = {};
  const figures: Record<string, number> = {};
  for (const [k, v] of Object.entries(result)) {
    if (k === 'ratios' && typeof v === 'object' && v !== null) {
      for (const [rk, rv] of Object.entries(v)) if (isNum(rv)) ratios[rk] = round(rv, 4);
    } else if (isNum(v)) {
      if (/^ratio/i.test(k)) ratios[k] = round(v, 4);
      else figures[k] = round(v, 2);
    } else if (isPercentiles(v)) {
      for (const q of ['p50', 'p95', 'p99'] as const) if (isNum(v[q])) figures[`${k}.${q}`] = round(v[q], 2);
    }
  }
  const higher = Array.isArray(result.higherIsBetter) ? result.higherIsBetter.filter((k): k is string => typeof k === 'string') : [];
  return { ratios, figures, ...(higher.length ? { higherIsBetter: higher } : {}) };
}

export function gitCommit(): { commit: string; dirty: boolean } {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim().length > 0;
    return { commit, dirty };
  } catch {
    return { commit: 'unknown', dirty: true };
  }
}

export function makeRecord(bench: string, result: Record<string, unknown>, now = new Date()): BenchRecord {
  const cpu = cpus();
  return { bench, ...gitCommit(), date: now.toISOString(), host: { cpus: cpu.length, model: cpu[0]?.model.trim() ?? 'unknown', node: process.version }, ...summarize(result) };
}

export function appendRecord(record: BenchRecord, file = HISTORY_FILE): void {
  appendFileSync(file, `${JSON.stringify(record)}\n`);
}

export function parseHistory(text: string): BenchRecord[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l, i) => {
      try {
        return JSON.parse(l) as BenchRecord;
      } catch (err) {
        throw new Error(`${HISTORY_FILE} line ${i + 1} is not JSON: ${(err as Error).message}`, { cause: err });
      }
    });
}

export function readHistory(file = HISTORY_FILE): BenchRecord[] {
  return existsSync(file) ? parseHistory(readFileSync(file, 'utf8')) : [];
}

/**
 * For each bench in the history, its newest record against the one recorded before it: every
 * ratio both have is checked. `benches` limits the check to those names.
 */
export function compareLatest(history: readonly BenchRecord[], tolerance = DEFAULT_TOLERANCE, benches?: readonly string[]): { checks: RatioCheck[]; unpaired: string[] } {
  if (!(tolerance >= 0)) throw new Error(`tolerance must be ≥ 0, got ${tolerance}`);
  const byBench = new Map<string, BenchRecord[]>();
  for (const r of history) if (!benches || benches.includes(r.bench)) byBench.set(r.bench, [...(byBench.get(r.bench) ?? []), r]);
  const checks: RatioCheck[] = [];
  const unpaired: string[] = [];
  for (const [bench, runs] of byBench) {
    const current = runs.at(-1)!;
    const previous = runs.at(-2);
    if (!previous) {
      unpaired.push(bench);
      continue;
    }
    for (const [ratio, now] of Object.entries(current.ratios)) {
      const before = previous.ratios[ratio];
      if (!isNum(now) || !isNum(before) || before <= 0) continue;
      const change = now / before - 1;
      const higher = current.higherIsBetter?.includes(ratio) ?? false;
      // A worse ratio by more than the tolerance: for a cost ratio, now > before × (1 + tolerance).
      const regressed = higher ? now < before / (1 + tolerance) : now > before * (1 + tolerance);
      checks.push({ bench, ratio, previous: before, current: now, change, regressed, previousCommit: previous.commit, currentCommit: current.commit });
    }
  }
  return { checks, unpaired };
}

import { compareLatest, DEFAULT_TOLERANCE, HISTORY_FILE, readHistory } from './history';

/**
 * `npm run bench:compare [-- --tolerance 0.25] [bench…]`: each bench's newest ratios in
 * bench/history.jsonl against its previous recorded run. Exits 1 when a ratio got worse by more
 * than the tolerance (default 25 %), 0 otherwise (also when a bench has only one run to go on).
 */
const args = process.argv.slice(2);
let tolerance = DEFAULT_TOLERANCE;
const benches: string[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--tolerance') tolerance = Number(args[++i]);
  else if (a.startsWith('--tolerance=')) tolerance = Number(a.slice('--tolerance='.length));
  else benches.push(a);
}
if (!(tolerance >= 0)) {
  console.error('bench:compare: --tolerance takes a fraction ≥ 0, e.g. 0.25 for 25 %');
  process.exit(2);
}
const history = readHistory();
if (history.length === 0) {
  console.log(`bench:compare: ${HISTORY_FILE} has no runs yet (npm run bench records them)`);
  process.exit(0);
}
const { checks, unpaired } = compareLatest(history, tolerance, benches.length ? benches : undefined);
for (const c of checks) {
  const sign = c.change >= 0 ? '+' : '';
  console.log(`${c.regressed ? 'REGRESSION' : 'ok        '} ${c.bench} ${c.ratio}: ${c.previous.toFixed(3)} (${c.previousCommit}) → ${c.current.toFixed(3)} (${c.currentCommit}), ${sign}${(c.change * 100).toFixed(1)} %`);
}
for (const b of unpaired) console.log(`-          ${b}: one recorded run, nothing to compare with yet`);
const regressions = checks.filter((c) => c.regressed);
console.log(`bench:compare: ${checks.length} ratios checked, ${regressions.length} beyond the ${(tolerance * 100).toFixed(0)} % tolerance`);
process.exit(regressions.length ? 1 : 0);

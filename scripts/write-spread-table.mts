// Writes core/simulate/wait-spread-table.ts: the table wait-spread.ts computes (computeSpreadTable),
// as constants. Run after changing how it is computed: `npx tsx scripts/write-spread-table.mts`
// (wait-spread.test.ts fails until the stored table is what the code computes).
import { writeFileSync } from 'node:fs';
import { computeSpreadTable } from '../core/simulate/wait-spread';

const table = computeSpreadTable();
const column = (name: string, values: Float64Array) =>
  `  ${name}: Float64Array.of(\n${Array.from(values, (v) => `    ${String(v)},`).join('\n')}\n  ),`;
const source = `/**
 * wait-spread.ts's table (its SpreadTable), as computeSpreadTable computes it: written by
 * scripts/write-spread-table.mts, checked by wait-spread.test.ts. Not to be edited by hand.
 */
export const SPREAD_TABLE = {
${column('zs', table.zs)}
${column('cvs', table.cvs)}
${column('points', table.points)}
${column('normalPoints', table.normalPoints)}
${column('expPoints', table.expPoints)}
${column('mixture', table.mixture)}
};
`;
writeFileSync(new URL('../core/simulate/wait-spread-table.ts', import.meta.url), source);
console.log(`wrote ${table.zs.length} rows`);

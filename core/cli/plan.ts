/**
 * `npm run plan -- <design.json> [--out <plan.json>] [--provider aws|azure|gcp|custom] [--region <name>]
 * [--commitment none|1y|3y] [--compare [--json]] [--insight [--seeds <n>]]`: reads a design, writes its
 * plan (stdout unless --out). --insight adds what would change it (core/plan/insight.ts): each
 * placement's tipping points and its cost ranges over --seeds seeds (default 20; 0: none). --provider, --region and --commitment price it on another book first (the design's own
 * prices stay, see core/cost/choose-pricing.ts); --compare plans it on AWS, Azure and Google Cloud and
 * prints the comparison table (--json: the comparison as JSON, without the three plans). Bad input
 * exits with status 2 and one `path: message` line per problem (a flag's problem under the flag's
 * name); nothing is written. The only module of the plan path that touches Node: everything else runs
 * in a browser worker too. The design goes through the versioned loader (a newer version is named),
 * a UTF-8 byte order mark is skipped, and an --out that is the design file itself is refused before
 * anything is read.
 */
import { existsSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { choosePricing } from '../cost/choose-pricing';
import type { Design } from '../model/design';
import { COMMITMENTS, PRICING_PROVIDERS, type PricingChoice } from '../model/pricing-choice';
import { loadDesign } from '../model/load-design';
import { formatProblems, parseJson } from '../model/problems';
import { validateDesign, type Problem } from '../model/validate';
import { buildPlan } from '../plan/build-plan';
import { compareProviders, matchingRegion } from '../plan/compare-providers';
import { DEFAULT_SEEDS } from '../plan/cost-ranges';
import { buildInsight } from '../plan/insight';
import { formatComparison } from './format-comparison';
import { registerHighs } from './register-highs';

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

const USAGE =
  'usage: npm run plan -- <design.json> [--out <plan.json>] [--provider aws|azure|gcp|custom] [--region <name>] [--commitment none|1y|3y] [--compare [--json]] [--insight [--seeds <n>]]';

const VALUED = ['--out', '--provider', '--region', '--commitment', '--seeds'] as const;
type Valued = (typeof VALUED)[number];
const SWITCHES = ['--compare', '--json', '--insight'] as const;
/** The most seeds --seeds takes: each is a plan of the random part of the design. */
const MAX_SEEDS = 1000;

interface Args {
  file: string;
  values: Partial<Record<Valued, string>>;
  switches: Set<string>;
}

function parseArgs(argv: readonly string[]): Args | string {
  const values: Partial<Record<Valued, string>> = {};
  const switches = new Set<string>();
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) {
      files.push(arg);
      continue;
    }
    const [name, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg];
    if ((SWITCHES as readonly string[]).includes(name)) {
      switches.add(name);
    } else if ((VALUED as readonly string[]).includes(name)) {
      const value = inline ?? argv[++i];
      if (!value || value.startsWith('--')) return `${name}: needs a value`;
      values[name as Valued] = value;
    } else {
      return `${arg}: unknown option (${USAGE})`;
    }
  }
  const file = files[0];
  if (!file || files.length > 1) return USAGE;
  if (switches.has('--json') && !switches.has('--compare')) return '--json: only with --compare';
  if (switches.has('--insight') && switches.has('--compare')) return '--insight: not with --compare';
  if (values['--seeds'] !== undefined && !switches.has('--insight')) return '--seeds: only with --insight';
  return { file, values, switches };
}

/** The pricing the flags ask for, or the problems with their values. */
function flagPricing(args: Args): PricingChoice | Problem[] | null {
  const { '--provider': provider, '--region': region, '--commitment': commitment } = args.values;
  if (provider === undefined && region === undefined && commitment === undefined) return null;
  const problems: Problem[] = [];
  if (provider !== undefined && !(PRICING_PROVIDERS as readonly string[]).includes(provider)) {
    problems.push({ path: '--provider', message: `must be one of ${PRICING_PROVIDERS.join(', ')}, got "${provider}"` });
  }
  if (commitment !== undefined && !(COMMITMENTS as readonly string[]).includes(commitment)) {
    problems.push({ path: '--commitment', message: `must be one of ${COMMITMENTS.join(', ')}, got "${commitment}"` });
  }
  if (problems.length > 0) return problems;
  return {
    ...(provider !== undefined ? { provider: provider as PricingChoice['provider'] } : {}),
    ...(region !== undefined ? { region } : {}),
    ...(commitment !== undefined ? { commitment: commitment as PricingChoice['commitment'] } : {}),
  };
}

/**
 * The design as the flags price it: the design's own choice, with what the flags change. A new
 * provider without --region is read in its region serving the same part of the world as the design's
 * (eu-west-1 → westeurope, europe-west1), as comparing providers does.
 */
function applyFlags(design: Design, flags: PricingChoice): Design {
  const own = design.pricing ?? {};
  const provider = flags.provider ?? own.provider;
  const changesProvider = flags.provider !== undefined && flags.provider !== (own.provider ?? 'aws');
  const newBook = changesProvider && flags.provider !== 'custom' ? flags.provider : undefined;
  const region =
    flags.region ??
    (newBook !== undefined ? matchingRegion(design, newBook) : changesProvider ? undefined : own.region);
  const commitment = flags.commitment ?? own.commitment;
  return choosePricing(design, {
    ...(provider !== undefined ? { provider } : {}),
    ...(region !== undefined ? { region } : {}),
    ...(commitment !== undefined ? { commitment } : {}),
  });
}

/** A flag's problem under the flag's name: `--region: …` rather than `pricing.region: …`. */
function underFlags(problems: readonly Problem[], flags: PricingChoice): Problem[] {
  return problems.map((p) => {
    const key = p.path.startsWith('pricing.') ? (p.path.slice('pricing.'.length) as keyof PricingChoice) : null;
    return key !== null && flags[key] !== undefined ? { ...p, path: `--${key}` } : p;
  });
}

export function runPlanCli(argv: readonly string[]): CliResult {
  const args = parseArgs(argv);
  if (typeof args === 'string') return fail(args);
  const flags = flagPricing(args);
  if (Array.isArray(flags)) return problemsOut(flags);
  const seeds = args.values['--seeds'] === undefined ? DEFAULT_SEEDS : Number(args.values['--seeds']);
  if (!Number.isInteger(seeds) || seeds < 0 || seeds > MAX_SEEDS)
    return fail(`--seeds: must be a whole number from 0 to ${MAX_SEEDS}, got "${args.values['--seeds']}"`);
  const out = args.values['--out'];
  if (out !== undefined && isSameFile(args.file, out))
    return fail(`--out: ${out} is the design file itself; the plan would overwrite the design. Choose another file.`);
  let text: string;
  try {
    text = readFileSync(args.file, 'utf8');
  } catch (e) {
    return fail(`${args.file}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const parsed = parseJson(text);
  if (!parsed.ok) return problemsOut(parsed.problems, args.file);
  const checked = loadDesign(parsed.value);
  if (!checked.ok) return problemsOut(checked.problems);
  let design = checked.value;
  if (flags) {
    const priced = validateDesign(applyFlags(design, flags));
    if (!priced.ok) return problemsOut(underFlags(priced.problems, flags));
    design = priced.value;
  }
  let output: string;
  if (args.switches.has('--compare')) {
    const comparison = compareProviders(design);
    if (args.switches.has('--json')) {
      const rows = comparison.rows.map(({ plan: _plan, ...row }) => row);
      output = `${JSON.stringify({ ...comparison, rows }, null, 2)}\n`;
    } else {
      output = formatComparison(comparison);
    }
  } else if (args.switches.has('--insight')) {
    output = `${JSON.stringify(buildInsight(design, { seeds }).plan, null, 2)}\n`;
  } else {
    output = `${JSON.stringify(buildPlan(design).plan, null, 2)}\n`;
  }
  if (!out) return { status: 0, stdout: output, stderr: '' };
  try {
    writeFileSync(out, output);
  } catch (e) {
    return fail(`${out}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return { status: 0, stdout: '', stderr: '' };
}

/** The problems, one a line; a fault of the file's text at `file:line:column`. */
function problemsOut(problems: readonly Problem[], file?: string): CliResult {
  return { status: 2, stdout: '', stderr: `${formatProblems(problems, file)}\n` };
}

/** The same file by path, after following links, or the same inode (a hard link). */
function isSameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  if (!existsSync(a) || !existsSync(b)) return false;
  if (realpathSync(a) === realpathSync(b)) return true;
  const [sa, sb] = [statSync(a), statSync(b)];
  return sa.ino === sb.ino && sa.dev === sb.dev;
}

function fail(message: string): CliResult {
  return { status: 2, stdout: '', stderr: `${message}\n` };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  void registerHighs().then(() => {
    const result = runPlanCli(process.argv.slice(2));
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    process.exitCode = result.status;
  });
}

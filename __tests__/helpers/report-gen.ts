/**
 * Deterministic credential report generator for tests and the benchmark: AWS's column order and values,
 * a `<root_account>` row, IAM user names with the characters IAM allows (commas quoted).
 *
 * Exactly `countViolators(users, violatorRatio)` users fail (one key each, slot 1) with the default
 * settings (10m window, 90 unused days) as of `asOf`, in both scopes; every other user passes in both.
 */

export const AWS_COLUMNS = [
  'user',
  'arn',
  'user_creation_time',
  'password_enabled',
  'password_last_used',
  'password_last_changed',
  'password_next_rotation',
  'mfa_active',
  'access_key_1_active',
  'access_key_1_last_rotated',
  'access_key_1_last_used_date',
  'access_key_1_last_used_region',
  'access_key_1_last_used_service',
  'access_key_2_active',
  'access_key_2_last_rotated',
  'access_key_2_last_used_date',
  'access_key_2_last_used_region',
  'access_key_2_last_used_service',
  'cert_1_active',
  'cert_1_last_rotated',
  'cert_2_active',
  'cert_2_last_rotated',
] as const;

/** The time the generated report is meant to be evaluated at, unless `asOf` is given. */
export const REPORT_GEN_AS_OF = '2026-11-01T00:00:00Z';

export interface ReportGenOptions {
  /** 12 digits; default 111122223333. */
  accountId?: string;
  users: number;
  /** Fraction of users (0..1) with a failing key; default 0.1. */
  violatorRatio?: number;
  /** PRNG seed; default 1. */
  seed?: number;
  /** ISO time the violations are placed against; default `REPORT_GEN_AS_OF`. */
  asOf?: string;
  /** Default `aws`. */
  partition?: string;
}

/** User index `i` (0-based) fails: spreads exactly floor(users × ratio) violators evenly. */
function isViolator(i: number, violatorRatio: number): boolean {
  return Math.floor((i + 1) * violatorRatio) > Math.floor(i * violatorRatio);
}

/** How many users of a generated report fail (each with exactly one key, slot 1). */
export function countViolators(users: number, violatorRatio = 0.1): number {
  let n = 0;
  for (let i = 0; i < users; i++) if (isViolator(i, violatorRatio)) n++;
  return n;
}

/** mulberry32: small, fast, deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const NAME_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789+=,.@_-';
const PATHS = ['/', '/', '/', '/engineering/', '/ci/bots/', '/ops/'];
const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];
const SERVICES = ['s3', 'iam', 'sts', 'ec2'];

function iso(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function row(cells: string[]): string {
  return `${cells.map(csvField).join(',')}\n`;
}

const NO_KEY = ['false', 'N/A', 'N/A', 'N/A', 'N/A'];

/** The report line by line (each ending with `\n`), header first: stream it without building a string. */
export function* generateReportLines(opts: ReportGenOptions): Generator<string> {
  const accountId = opts.accountId ?? '111122223333';
  const ratio = opts.violatorRatio ?? 0.1;
  const partition = opts.partition ?? 'aws';
  const asOf = Date.parse(opts.asOf ?? REPORT_GEN_AS_OF);
  const rand = prng(opts.seed ?? 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const between = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo));

  yield row([...AWS_COLUMNS]);
  const rootCreated = asOf - 2000 * DAY;
  yield row([
    '<root_account>',
    `arn:${partition}:iam::${accountId}:root`,
    iso(rootCreated),
    'not_supported',
    iso(asOf - 3 * DAY),
    'not_supported',
    'not_supported',
    'true',
    'true',
    iso(rootCreated),
    'N/A',
    'N/A',
    'N/A',
    ...NO_KEY,
    'false',
    'N/A',
    'false',
    'N/A',
  ]);

  for (let i = 0; i < opts.users; i++) {
    let suffix = '';
    const len = between(0, 6);
    for (let k = 0; k < len; k++) suffix += pick([...NAME_CHARS]);
    const name = `u${i}${suffix}`;
    const arn = `arn:${partition}:iam::${accountId}:user${pick(PATHS)}${name}`;
    const created = between(asOf - 2500 * DAY, asOf - 400 * DAY);
    const used = (ms: number): string[] => [iso(ms), pick(REGIONS), pick(SERVICES)];
    let hasConsole = true;
    let key1: string[];
    if (isViolator(i, ratio)) {
      const rotated = created + between(0, 601) * 1000;
      const lastUsed = rand() < 0.5 ? ['N/A', 'N/A', 'N/A'] : used(asOf - between(91, 800) * DAY);
      key1 = ['true', iso(rotated), ...lastUsed];
    } else {
      switch (between(0, 5)) {
        case 0: // key at setup, never used, but no console password
          hasConsole = false;
          key1 = ['true', iso(created + 1000), 'N/A', 'N/A', 'N/A'];
          break;
        case 1: // console, key at setup, used within the last 89 days
          key1 = ['true', iso(created), ...used(asOf - between(0, 89) * DAY)];
          break;
        case 2: // console, key at setup never used, but deactivated
          key1 = ['false', iso(created), 'N/A', 'N/A', 'N/A'];
          break;
        case 3: // console, no key
          key1 = [...NO_KEY];
          break;
        default: // console, key made later, used recently
          key1 = ['true', iso(created + between(1, 300) * DAY), ...used(asOf - between(0, 60) * DAY)];
      }
    }
    yield row([
      name,
      arn,
      iso(created),
      String(hasConsole),
      hasConsole ? iso(asOf - between(0, 30) * DAY) : 'N/A',
      hasConsole ? iso(created) : 'N/A',
      'N/A',
      String(rand() < 0.5),
      ...key1,
      ...NO_KEY,
      'false',
      'N/A',
      'false',
      'N/A',
    ]);
  }
}

/** The whole report as one string (small reports; use `generateReportLines` for big ones). */
export function generateReport(opts: ReportGenOptions): string {
  let out = '';
  for (const line of generateReportLines(opts)) out += line;
  return out;
}

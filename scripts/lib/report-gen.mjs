// Deterministic generator of AWS-format IAM credential reports (AWS's column order, a root row),
// shared by the benchmark. ~`violatorRatio` of users are console users with a never-used key made at setup.

export const HEADER =
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,' +
  'password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,' +
  'access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,' +
  'access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,' +
  'access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,' +
  'cert_2_active,cert_2_last_rotated';

/** mulberry32: small, fast, deterministic. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const iso = (ms) => new Date(ms).toISOString().replace('.000Z', '+00:00');
const DAY = 86_400_000;

/**
 * Yields the report's lines (without line ends).
 * @param {{ accountId: string, users: number, violatorRatio?: number, seed?: number, asOf?: string, namePrefix?: string }} opts
 */
export function* reportLines({
  accountId,
  users,
  violatorRatio = 0.05,
  seed = 1,
  asOf = '2026-11-01T00:00:00Z',
  namePrefix = 'user',
}) {
  const rand = prng(seed);
  const now = Date.parse(asOf);
  yield HEADER;
  yield `<root_account>,arn:aws:iam::${accountId}:root,${iso(now - 2000 * DAY)},not_supported,${iso(now - DAY)},not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`;
  for (let i = 0; i < users; i++) {
    const name = `${namePrefix}${String(i).padStart(6, '0')}`;
    const created = now - Math.floor(rand() * 1500 + 100) * DAY - Math.floor(rand() * DAY);
    const violator = rand() < violatorRatio;
    const console = violator || rand() < 0.6;
    const pwdUsed = console ? iso(now - Math.floor(rand() * 30) * DAY) : 'N/A';
    let key1;
    if (violator) {
      key1 = `true,${iso(created + 1000)},N/A,N/A,N/A`;
    } else if (rand() < 0.5) {
      // a key made later and used recently: compliant
      const rotated = created + Math.floor(rand() * 50 + 1) * DAY;
      key1 = `true,${iso(rotated)},${iso(now - Math.floor(rand() * 20) * DAY)},us-east-1,s3`;
    } else {
      key1 = 'false,N/A,N/A,N/A,N/A';
    }
    yield `${name},arn:aws:iam::${accountId}:user/${name},${iso(created)},${console},${pwdUsed},${console ? iso(created) : 'N/A'},N/A,${console && rand() < 0.7},${key1},false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`;
  }
}

/** The whole report as one string (CSV with `\n` line ends). */
export function generateReport(opts) {
  return [...reportLines(opts)].join('\n') + '\n';
}

/**
 * The iac scan of Terraform code (issue 23): which users of the fixtures under
 * __tests__/fixtures/iac/terraform/ (written for these tests) are reported, at which file and line, and
 * that nothing else is — service users, console-only users, two different users, modules with a toggle
 * off, `create = false`. Also what a hostile repository cannot make the scan do.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanIac, type IacFinding } from '../../../src/iac/scan.js';
import { admitted, byInputs, families, iamUserSource } from '../../../src/iac/iam-user-module.js';

const TF = join(import.meta.dirname, '..', '..', 'fixtures', 'iac', 'terraform');

/** One line per finding: where, what, whose. */
function brief(f: IacFinding): string {
  return `${f.file}:${f.line} ${f.address} ${f.userName}`;
}

async function scan(patterns: string[], tfvars?: string[]) {
  const r = await scanIac(patterns, { root: TF, tfvars });
  return { ...r, lines: r.findings.map(brief) };
}

describe('Terraform resources in one module', () => {
  it('reports a user with a login profile and a key, linked by reference, template or literal; nothing else', async () => {
    const r = await scan(['basic']);
    expect(r.lines).toEqual([
      'basic/main.tf:11 aws_iam_access_key.alice alice',
      'basic/main.tf:61 aws_iam_access_key.frank frank',
      'basic/main.tf:84 aws_iam_access_key.hank hank',
    ]);
    expect(r.findings[0]).toEqual({
      address: 'aws_iam_access_key.alice',
      userName: 'alice',
      userAddress: 'aws_iam_user.alice',
      file: 'basic/main.tf',
      line: 11,
      loginProfile: { file: 'basic/main.tf', line: 7, address: 'aws_iam_user_login_profile.alice' },
      source: 'terraform',
      condition: null,
      note: null,
      exemption: null,
    });
    // the profile says "frank" literally, the key "${aws_iam_user.frank.name}"
    expect(r.findings[1]?.loginProfile.line).toBe(56);
    // a user defined elsewhere, given both here by name: the name is all there is
    expect(r.findings[2]).toMatchObject({ userName: 'hank', userAddress: 'hank' });
    expect(r.filesScanned).toBe(1);
    expect(r.notes).toEqual([]);
  });

  it('reads a module directory’s files together: the key in one file, the user and profile in another', async () => {
    const r = await scan(['split/keys.tf']);
    expect(r.lines).toEqual(['split/keys.tf:6 aws_iam_access_key.ivy ivy']);
    expect(r.findings[0]?.loginProfile).toEqual({
      file: 'split/users.tf',
      line: 13,
      address: 'aws_iam_user_login_profile.ivy',
    });
    expect(r.filesScanned).toBe(2);
  });
});

describe('count and for_each', () => {
  it('reports one finding per count instance, and none where the count is off', async () => {
    const r = await scan(['counted']);
    expect(r.lines).toEqual([
      'counted/main.tf:21 aws_iam_access_key.people[0] ann',
      'counted/main.tf:21 aws_iam_access_key.people[1] ben',
    ]);
    expect(r.findings.map((f) => f.userAddress)).toEqual([
      'aws_iam_user.people[0]',
      'aws_iam_user.people[1]',
    ]);
  });

  it('reports one finding per for_each key: each.value, [each.key] and each.key linked', async () => {
    const r = await scan(['for-each']);
    expect(r.lines).toEqual([
      'for-each/main.tf:20 aws_iam_access_key.human["jo"] jo',
      'for-each/main.tf:20 aws_iam_access_key.human["lou"] lou',
      'for-each/main.tf:36 aws_iam_access_key.crew["max"] max',
    ]);
    expect(r.findings[1]?.loginProfile.address).toBe('aws_iam_user_login_profile.human["lou"]');
  });

  it('says when a finding depends on a variable without a value, or cannot be decided', async () => {
    const r = await scan(['conditional']);
    expect(r.findings.map((f) => [brief(f), f.condition])).toEqual([
      ['conditional/main.tf:23 aws_iam_access_key.olga[0] olga', 'when var.create_key is true'],
      ['conditional/main.tf:37 aws_iam_access_key.pat pat', 'when var.environment != "prod"'],
      ['conditional/main.tf:51 aws_iam_access_key.quinn[0] quinn', 'when enabled'],
    ]);
  });

  it('expands what it can when a count or for_each has no value: by the switch, or one instance', async () => {
    const r = await scan(['unknowns']);
    expect(r.findings.map((f) => [brief(f), f.userAddress, f.condition])).toEqual([
      ['unknowns/main.tf:22 aws_iam_access_key.vic vic', 'aws_iam_user.vic', 'when enabled'],
      [
        'unknowns/main.tf:38 aws_iam_access_key.wyn["wyn"] wyn',
        'aws_iam_user.wyn["wyn"]',
        'when var.enabled is true',
      ],
      // a set without a value: the user is known by its address
      ['unknowns/main.tf:54 aws_iam_access_key.xs aws_iam_user.xs', 'aws_iam_user.xs', 'when enabled'],
      // [0] is made on both sides of the switch, [1] on one
      ['unknowns/main.tf:70 aws_iam_access_key.yu[0] yu-0', 'aws_iam_user.yu[0]', null],
      [
        'unknowns/main.tf:70 aws_iam_access_key.yu[1] yu-1',
        'aws_iam_user.yu[1]',
        'when var.enabled is false',
      ],
    ]);
  });

  it('uses the tfvars given, and the auto-loaded terraform.tfvars and *.auto.tfvars.json', async () => {
    expect((await scan(['tfvars'])).lines).toEqual(['tfvars/main.tf:14 aws_iam_access_key.rita[0] rita']);
    expect((await scan(['tfvars'], ['tfvars/no-keys.tfvars'])).lines).toEqual([]);
    // named in the iac input itself (like -var-file): applied, not scanned as code
    expect((await scan(['tfvars', 'tfvars/no-keys.tfvars'])).lines).toEqual([]);
    expect((await scan(['tfvars', 'tfvars/*.tfvars'])).lines).toEqual([]);
    const auto = await scan(['auto-tfvars']);
    expect(auto.lines).toEqual(['auto-tfvars/main.tf:20 aws_iam_access_key.sam sam']);
    expect(auto.findings[0]?.condition).toBeNull();
  });
});

describe('modules', () => {
  it('follows local modules with the arguments passed, at the root’s module line', async () => {
    const r = await scan(['local-module']);
    expect(r.lines).toEqual([
      'local-module/main.tf:1 module.team.aws_iam_access_key.this["tom"] tom',
      'local-module/main.tf:1 module.team.aws_iam_access_key.this["uma"] uma',
      // two levels down: the root's call is the place to fix
      'local-module/main.tf:13 module.org.module.people.aws_iam_access_key.person wes',
      'local-module/main.tf:18 module.pair[0].aws_iam_access_key.this["pair-0"] pair-0',
      'local-module/main.tf:18 module.pair[1].aws_iam_access_key.this["pair-1"] pair-1',
      // the key in the root for the user the module makes, through the module's output
      'local-module/main.tf:31 aws_iam_access_key.viv viv',
    ]);
    expect(r.findings.at(-1)).toMatchObject({
      userAddress: 'module.viv.aws_iam_user.this["viv"]',
      loginProfile: { file: 'local-module/main.tf', line: 25 },
    });
    // the modules' own directories are not configurations of their own
    expect(r.findings.every((f) => f.file === 'local-module/main.tf')).toBe(true);
    expect(r.filesScanned).toBe(5);
  });

  it('knows terraform-aws-modules iam-user: its defaults, its inputs per major version, its sources', async () => {
    const r = await scan(['registry']);
    expect(r.findings.map((f) => [brief(f), f.condition])).toEqual([
      ['registry/main.tf:3 module.alice alice', null],
      ['registry/main.tf:30 module.bob_v6 bob', null],
      ['registry/main.tf:51 module.cleo_v6 cleo', null],
      ['registry/main.tf:72 module.dina dina', null],
      ['registry/main.tf:77 module.crew["eve"] eve', null],
      ['registry/main.tf:77 module.crew["fay"] fay', null],
      ['registry/main.tf:88 module.gus gus', 'when var.give_keys is true'],
      ['registry/main.tf:110 aws_iam_access_key.hal hal', null],
    ]);
    expect(r.findings[0]).toMatchObject({
      userAddress: 'module.alice.aws_iam_user.this[0]',
      loginProfile: {
        file: 'registry/main.tf',
        line: 3,
        address: 'module.alice.aws_iam_user_login_profile.this[0]',
      },
    });
    expect(r.findings.at(-1)?.loginProfile).toEqual({
      file: 'registry/main.tf',
      line: 103,
      address: 'module.hal.aws_iam_user_login_profile.this[0]',
    });
    expect(r.notes).toEqual([
      "registry/main.tf:51: module.cleo_v6 sets create_iam_access_key, which the iam-user module's v6 line does not declare (Terraform rejects it).",
    ]);
  });

  it('uses .terraform/modules/modules.json after terraform init: installed sources and exact versions', async () => {
    const r = await scan(['init']);
    // legacy: the code admits v5 and v6, init installed v6.1.0 where create_access_key = false is the key off
    expect(r.lines).toEqual(['init/main.tf:3 module.people.aws_iam_access_key.this["lea"] lea']);
    expect(r.notes).toEqual([]);
  });
});

describe('the iam-user module without the network', () => {
  it.each([
    ['~> 5.0', ['v5']],
    ['~> 5.1.2', ['v5']],
    ['~> 6', ['v6']],
    ['5.39.0', ['v5']],
    ['v6.2.0', ['v6']],
    ['> 5.60.0', ['v5', 'v6']],
    ['>= 4.0, < 6.0', ['v5']],
    ['<= 6.0.0', ['v5', 'v6']],
    ['< 6', ['v5']],
    ['>= 7.0', ['v6']],
    ['!= 6.0.0', ['v5', 'v6']],
    ['>= 6, < 5', ['v5', 'v6']],
    ['main', ['v5', 'v6']],
    [null, ['v5', 'v6']],
  ])('version %s admits the %s input names', (constraint, want) => {
    expect(families(admitted(constraint))).toEqual(want);
  });

  it('narrows by the inputs the call sets, and names the ones no admitted line declares', () => {
    expect(byInputs(['v5', 'v6'], ['name', 'create_iam_access_key'])).toEqual({
      families: ['v5'],
      foreign: [],
    });
    expect(byInputs(['v5', 'v6'], ['create_access_key'])).toEqual({ families: ['v6'], foreign: [] });
    expect(byInputs(['v6'], ['create_user', 'create'])).toEqual({
      families: ['v6'],
      foreign: ['create_user'],
    });
  });

  it.each([
    ['terraform-aws-modules/iam/aws//modules/iam-user', null],
    ['registry.opentofu.org/terraform-aws-modules/iam/aws//modules/iam-user/', null],
    [
      'git::https://github.com/terraform-aws-modules/terraform-aws-iam.git//modules/iam-user?ref=v5.39.0',
      'v5.39.0',
    ],
    ['git@github.com:terraform-aws-modules/terraform-aws-iam.git//modules/iam-user?ref=v6.0.0', 'v6.0.0'],
    ['github.com/terraform-aws-modules/terraform-aws-iam//modules/iam-user', null],
  ])('recognises %s', (source, ref) => {
    expect(iamUserSource(source)).toEqual({ ref });
  });

  it('does not take other modules for it', () => {
    expect(iamUserSource('terraform-aws-modules/iam/aws//modules/iam-role')).toBeNull();
    expect(iamUserSource('github.com/someone/terraform-aws-iam//modules/iam-user')).toBeNull();
  });
});

describe('exemptions', () => {
  it('reads ignore comments on the key or the module call, and the user’s justification tag', async () => {
    const r = await scan(['exemptions']);
    expect(r.findings.map((f) => [brief(f), f.exemption])).toEqual([
      [
        'exemptions/main.tf:11 aws_iam_access_key.break_glass break-glass',
        { justification: 'break-glass user, key sealed in the vault', expires: '2027-01-31' },
      ],
      [
        'exemptions/main.tf:26 aws_iam_access_key.vendor vendor',
        { justification: 'vendor SFTP sync until the migration', expires: '2026-12-31' },
      ],
      ['exemptions/main.tf:38 aws_iam_access_key.lazy lazy', null],
      ['exemptions/main.tf:43 module.kai kai', { justification: 'shared lab account', expires: null }],
    ]);
    expect(r.notes).toEqual([
      'exemptions/main.tf:38: the ignore comment has no reason="…"; not an exemption.',
    ]);
  });
});

describe('a hostile repository', () => {
  function repo(files: Record<string, string>): string {
    const root = mkdtempSync(join(tmpdir(), 'iac-hostile-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    return root;
  }
  const PAIR = (n: string) =>
    `resource "aws_iam_user" "${n}" {\n  name = "${n}"\n}\nresource "aws_iam_user_login_profile" "${n}" {\n  user = aws_iam_user.${n}.name\n}\nresource "aws_iam_access_key" "${n}" {\n  user = aws_iam_user.${n}.name\n}\n`;

  it('reads nothing outside the root: patterns, links, module sources', async () => {
    const outside = repo({ 'secret/main.tf': PAIR('outsider') });
    const root = repo({
      'app/main.tf': 'module "far" {\n  source = "../../far"\n}\n',
      'ok/main.tf': PAIR('insider'),
    });
    symlinkSync(join(outside, 'secret'), join(root, 'linked-dir'));
    symlinkSync(join(outside, 'secret', 'main.tf'), join(root, 'ok', 'linked.tf'));
    const r = await scanIac(['.', '../', join(outside, 'secret'), 'linked-dir'], { root });
    expect(r.findings.map(brief)).toEqual(['ok/main.tf:7 aws_iam_access_key.insider insider']);
    expect([...r.notes].sort()).toEqual(
      [
        "app/main.tf:1: module.far's source ../../far is outside the scanned root; not followed.",
        'ok/linked.tf: a link to outside the scanned root; not followed.',
        'linked-dir: a link to outside the scanned root; not followed.',
        '../: outside the scanned root; not read.',
        `${join(outside, 'secret')}: outside the scanned root; not read.`,
      ].sort(),
    );
  });

  it('skips files over 5 MiB, caps count and for_each at 1,000 and modules at 10 levels, with notes', async () => {
    const root = repo({
      'big/main.tf': `# ${'x'.repeat(5 * 1024 * 1024)}\n${PAIR('big')}`,
      'many/main.tf': PAIR('one').replace(
        'resource "aws_iam_access_key" "one" {',
        'resource "aws_iam_access_key" "one" {\n  count = 100000',
      ),
      'loop/main.tf': 'module "again" {\n  source = "./"\n}\n' + PAIR('looped'),
    });
    const r = await scanIac(['.'], { root });
    expect(r.notes).toEqual(
      expect.arrayContaining([
        'big/main.tf: larger than 5 MiB; not read.',
        'many/main.tf:7: aws_iam_access_key.one: count 100000 expanded to its first 1000 instances.',
      ]),
    );
    expect(
      r.notes.some((n) =>
        /^loop\/main\.tf:1: (module\.again\.){10}module\.again is nested more than 10 modules deep; not followed\.$/.test(
          n,
        ),
      ),
    ).toBe(true);
    expect(r.findings.filter((f) => f.userName === 'one')).toHaveLength(1000);
    expect(r.findings.filter((f) => f.userName === 'looped')).toHaveLength(11);
    expect(r.findings.some((f) => f.userName === 'big')).toBe(false);
  });

  it('stays bounded on nesting deeper than a stack, doubling strings and exponential lists', async () => {
    const n = 20_000;
    const doubling = Array.from({ length: 40 }, (_, i) => `  s${i + 1} = "\${local.s${i}}\${local.s${i}}"`);
    const lists = Array.from({ length: 60 }, (_, i) => `  l${i + 1} = [local.l${i}, local.l${i}]`);
    const root = repo({
      'deep/main.tf': `locals {\n  x = ${'['.repeat(n)}${']'.repeat(n)}\n}\n`,
      'wide/main.tf': [
        'locals {',
        '  s0 = "ab"',
        ...doubling,
        '  l0 = ["a", "b"]',
        ...lists,
        '  big = length(flatten(local.l60))',
        '  grid = [for x in range(10000) : range(10000)]',
        '}',
        PAIR('wide')
          .replace('name = "wide"', 'name = local.s40')
          .replace('"aws_iam_access_key" "wide" {', '"aws_iam_access_key" "wide" {\n  count = local.big'),
      ].join('\n'),
      'deep.yaml': `AWSTemplateFormatVersion: x\nResources:\n  A:\n    Type: AWS::IAM::User\n    Properties:\n      X: ${'['.repeat(n)}${']'.repeat(n)}\n`,
    });
    const started = Date.now();
    const r = await scanIac(['.'], { root });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(r.findings.map((f) => [f.address, f.userName, f.condition])).toEqual([
      ['aws_iam_access_key.wide', 'aws_iam_user.wide', 'when enabled'],
    ]);
    expect(r.notes).toEqual([
      'deep/main.tf:2: not valid HCL; read as far as it could be.',
      'deep.yaml:6: not valid YAML/JSON (Maximum call stack size exceeded); read as far as it could be.',
    ]);
  });

  it('notes tfvars, modules.json and links it cannot read, and reads on', async () => {
    const root = repo({
      'app/main.tf': 'variable "n" {\n  default = 1\n}\n' + PAIR('app'),
      'app/terraform.tfvars': 'n = \n',
      'app/broken.auto.tfvars.json': '{"n": ',
      'app/.terraform/modules/modules.json': '{"Modules": [',
    });
    symlinkSync(join(root, 'nowhere.tf'), join(root, 'app', 'dangling.tf'));
    const r = await scanIac(['app'], { root });
    expect(r.findings.map(brief)).toEqual(['app/main.tf:10 aws_iam_access_key.app app']);
    expect([...r.notes].sort()).toEqual([
      'app/.terraform/modules/modules.json: not valid JSON; module sources read from the code.',
      'app/broken.auto.tfvars.json: not valid JSON; its values are not used.',
      'app/dangling.tf: could not be read (ENOENT).',
      'app/terraform.tfvars:2: not valid HCL; read as far as it could be.',
    ]);
  });

  it('keeps names, comments and paths as data, and reads code that is not valid HCL as far as it can', async () => {
    const weird = '$(rm -rf /) `x` <b>"';
    const root = repo({
      'weird/main.tf': PAIR('w').replace('name = "w"', `name = ${JSON.stringify(weird)}`),
      'broken/main.tf': `resource "aws_iam_user" "b" {\n  name = \n}\n${PAIR('after')}`,
    });
    const r = await scanIac(['.'], { root });
    expect(r.findings.map((f) => f.userName).sort()).toEqual(['after', weird].sort());
    expect(r.notes).toEqual(['broken/main.tf:3: not valid HCL; read as far as it could be.']);
  });
});

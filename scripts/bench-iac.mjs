// npm run bench:iac: the iac scan (issue 23) of a generated repository at the size the issue names —
// 2,000 `.tf` files and 200 CloudFormation templates — beside a plain read of the same files in the same
// run (glob + readFile, 32 at a time, as the scan reads them). Target: the scan under 5 s.
// The repository (in .bench/iac/, ignored by git) is built for the purpose: 190 root configurations of
// 10 files each (providers, variables, outputs, buckets, instances, security groups with heredoc
// policies; a third of them with IAM users, counts and for_each; every fifth calling local modules and
// the iam-user module), 20 shared local modules of 5 files, and 150 YAML + 50 CDK-style JSON templates.
// The scan is imported from the TypeScript sources (Node 24's --experimental-transform-types, as
// scripts/screenshots.mjs does). Runs interleaved, medians. No network. The machine is shared: compare
// within one run.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob } from 'tinyglobby';

const root = resolve(import.meta.dirname, '..');
const work = join(root, '.bench', 'iac');
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);

// src/ imports its modules as `./x.js` (NodeNext): map such a specifier to its `.ts` file, as tsc does.
registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier.startsWith('.') && specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
      const ts = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
      if (fileURLToPath(ts).startsWith(root) && existsSync(ts)) return nextResolve(ts.href, context);
    }
    return nextResolve(specifier, context);
  },
});

// ---- the generated repository ------------------------------------------------------------------------
function write(path, text) {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
}

const bucket = (env, i) => `resource "aws_s3_bucket" "data_${i}" {
  bucket = "\${var.prefix}-${env}-data-${i}"
  tags = merge(local.tags, {
    Name = "data-${i}"
    Tier = "${i % 2 === 0 ? 'hot' : 'cold'}"
  })
}

resource "aws_s3_bucket_policy" "data_${i}" {
  bucket = aws_s3_bucket.data_${i}.id
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [{
        "Effect": "Deny",
        "Principal": "*",
        "Action": "s3:*",
        "Resource": ["\${aws_s3_bucket.data_${i}.arn}", "\${aws_s3_bucket.data_${i}.arn}/*"],
        "Condition": { "Bool": { "aws:SecureTransport": "false" } }
      }]
    }
  EOT
}
`;

const instance = (i) => `resource "aws_instance" "app_${i}" {
  count         = var.instance_count
  ami           = data.aws_ami.linux.id
  instance_type = var.instance_type
  subnet_id     = element(var.subnet_ids, count.index)

  vpc_security_group_ids = [aws_security_group.app.id]
  user_data              = templatefile("\${path.module}/user-data.sh", { role = "app-${i}" })

  root_block_device {
    volume_size = 20
    encrypted   = true
  }

  tags = merge(local.tags, { Name = "app-${i}-\${count.index}" })
}
`;

function iam(env, n) {
  const names = Array.from({ length: 3 }, (_, i) => `"${env}-user-${n}-${i}"`).join(', ');
  return `variable "console_users" {
  type    = list(string)
  default = [${names}]
}

resource "aws_iam_user" "people" {
  for_each = toset(var.console_users)
  name     = each.value
  path     = "/people/"
  tags     = local.tags
}

resource "aws_iam_user_login_profile" "people" {
  for_each                = aws_iam_user.people
  user                    = each.value.name
  password_reset_required = true
}

resource "aws_iam_access_key" "people" {
  for_each = var.create_keys ? aws_iam_user.people : {}
  user     = each.value.name
}

resource "aws_iam_user" "ci" {
  name = "${env}-ci-${n}"
}

resource "aws_iam_access_key" "ci" {
  user = aws_iam_user.ci.name
}
`;
}

function rootConfig(dir, env, n) {
  write(
    join(dir, 'providers.tf'),
    `terraform {\n  required_version = ">= 1.6"\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = "~> 5.70"\n    }\n  }\n}\n\nprovider "aws" {\n  region = var.region\n  default_tags {\n    tags = local.tags\n  }\n}\n`,
  );
  write(
    join(dir, 'variables.tf'),
    ['region', 'prefix', 'instance_type']
      .map((v) => `variable "${v}" {\n  type    = string\n  default = "${v}-default"\n}\n`)
      .join('\n') +
      `\nvariable "instance_count" {\n  type    = number\n  default = 2\n}\n\nvariable "subnet_ids" {\n  type    = list(string)\n  default = ["subnet-a", "subnet-b"]\n}\n\nvariable "create_keys" {\n  type    = bool\n  default = ${n % 2 === 0}\n}\n`,
  );
  write(
    join(dir, 'locals.tf'),
    `locals {\n  tags = {\n    Environment = "${env}"\n    Service     = "svc-${n}"\n    Owner       = "team-${n % 7}"\n  }\n  name = "\${var.prefix}-${env}-\${local.tags.Service}"\n}\n\ndata "aws_ami" "linux" {\n  most_recent = true\n  owners      = ["amazon"]\n  filter {\n    name   = "name"\n    values = ["al2023-ami-*-x86_64"]\n  }\n}\n`,
  );
  write(join(dir, 'buckets.tf'), bucket(env, 1) + '\n' + bucket(env, 2));
  write(join(dir, 'compute.tf'), instance(1) + '\n' + instance(2));
  write(
    join(dir, 'network.tf'),
    `resource "aws_security_group" "app" {\n  name   = local.name\n  vpc_id = var.vpc_id\n\n  dynamic "ingress" {\n    for_each = [80, 443]\n    content {\n      from_port   = ingress.value\n      to_port     = ingress.value\n      protocol    = "tcp"\n      cidr_blocks = ["10.0.0.0/8"]\n    }\n  }\n}\n\nvariable "vpc_id" {\n  type    = string\n  default = "vpc-123"\n}\n`,
  );
  write(
    join(dir, 'outputs.tf'),
    `output "bucket_arns" {\n  value = [aws_s3_bucket.data_1.arn, aws_s3_bucket.data_2.arn]\n}\n\noutput "instance_ids" {\n  value = concat(aws_instance.app_1[*].id, aws_instance.app_2[*].id)\n}\n`,
  );
  write(join(dir, 'iam.tf'), n % 3 === 0 ? iam(env, n) : `# no IAM users in ${env}/${n}\n`);
  write(
    join(dir, 'modules.tf'),
    n % 5 === 0
      ? `module "team" {\n  source = "../../modules/mod-${n % 20}"\n  names  = ["${env}-m-${n}"]\n}\n\nmodule "admin" {\n  source  = "terraform-aws-modules/iam/aws//modules/iam-user"\n  version = "~> 5.0"\n  name    = "${env}-admin-${n}"\n}\n`
      : `module "labels" {\n  source = "../../modules/mod-${n % 20}"\n  names  = []\n}\n`,
  );
  write(
    join(dir, 'backend.tf'),
    `terraform {\n  backend "s3" {\n    bucket = "state-${env}"\n    key    = "svc-${n}.tfstate"\n    region = "eu-west-1"\n  }\n}\n`,
  );
}

function sharedModule(dir, m) {
  write(join(dir, 'variables.tf'), `variable "names" {\n  type = list(string)\n}\n`);
  write(
    join(dir, 'users.tf'),
    `resource "aws_iam_user" "this" {\n  for_each = toset(var.names)\n  name     = each.value\n}\n`,
  );
  write(
    join(dir, 'console.tf'),
    `resource "aws_iam_user_login_profile" "this" {\n  for_each = aws_iam_user.this\n  user     = each.value.name\n}\n`,
  );
  write(
    join(dir, 'keys.tf'),
    `resource "aws_iam_access_key" "this" {\n  for_each = ${m % 2 === 0 ? 'aws_iam_user.this' : '{}'}\n  user     = each.value.name\n}\n`,
  );
  write(join(dir, 'outputs.tf'), `output "names" {\n  value = [for u in aws_iam_user.this : u.name]\n}\n`);
}

function yamlTemplate(i) {
  const users = Array.from(
    { length: 4 },
    (_, u) => `  User${u}:
    Type: AWS::IAM::User
    Properties:
      UserName: !Sub '\${AWS::StackName}-user-${u}'
${u % 2 === 0 ? `      LoginProfile:\n        Password: '{{resolve:ssm-secure:/u${u}}}'\n        PasswordResetRequired: true\n` : ''}      Tags:
        - Key: team
          Value: team-${i % 9}

  Key${u}:
    Type: AWS::IAM::AccessKey
    Condition: WithKeys
    Properties:
      UserName: !Ref User${u}
`,
  ).join('\n');
  const buckets = Array.from(
    { length: 6 },
    (_, b) => `  Bucket${b}:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub '\${AWS::StackName}-b${b}'
      VersioningConfiguration: {Status: Enabled}
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault: {SSEAlgorithm: aws:kms}
`,
  ).join('\n');
  return `AWSTemplateFormatVersion: '2010-09-09'\nDescription: stack ${i}\nParameters:\n  CreateKeys:\n    Type: String\n    Default: 'true'\nConditions:\n  WithKeys: !Equals [!Ref CreateKeys, 'true']\nResources:\n${users}\n${buckets}`;
}

function jsonTemplate(i) {
  const resources = {};
  for (let u = 0; u < 4; u++) {
    resources[`User${u}A1B2C3D4`] = {
      Type: 'AWS::IAM::User',
      Properties: {
        ...(u % 2 === 0 ? { LoginProfile: { Password: '{{resolve:secretsmanager:x}}' } } : {}),
        Tags: [{ Key: 'team', Value: `t${i}` }],
      },
      Metadata: { 'aws:cdk:path': `Stack${i}/User${u}/Resource` },
    };
    resources[`Key${u}E5F6A7B8`] = {
      Type: 'AWS::IAM::AccessKey',
      Properties: { UserName: { Ref: `User${u}A1B2C3D4` } },
    };
  }
  for (let f = 0; f < 8; f++) {
    resources[`Fn${f}C0FFEE00`] = {
      Type: 'AWS::Lambda::Function',
      Properties: {
        Runtime: 'nodejs22.x',
        Handler: 'index.handler',
        Code: {
          S3Bucket: { 'Fn::Sub': 'cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}' },
          S3Key: `${f}.zip`,
        },
        Role: { 'Fn::GetAtt': [`Role${f}`, 'Arn'] },
        Environment: { Variables: { TABLE: { Ref: 'Table' }, STAGE: `stage-${i}` } },
      },
      DependsOn: [`Role${f}`],
    };
  }
  return JSON.stringify(
    { Resources: resources, Parameters: { BootstrapVersion: { Type: 'String', Default: 'x' } } },
    null,
    1,
  );
}

rmSync(work, { recursive: true, force: true });
for (let m = 0; m < 20; m++) sharedModule(join(work, 'modules', `mod-${m}`), m);
for (let n = 0; n < 190; n++) rootConfig(join(work, 'envs', `env-${n % 4}-svc-${n}`), `env${n % 4}`, n);
for (let i = 0; i < 150; i++) write(join(work, 'cloudformation', `stack-${i}.yaml`), yamlTemplate(i));
for (let i = 0; i < 50; i++) write(join(work, 'cdk.out', `Stack${i}.template.json`), jsonTemplate(i));

// ---- the runs ---------------------------------------------------------------------------------------
const { scanIac } = await import(join(root, 'src', 'iac', 'scan.ts'));

async function plainRead() {
  const files = await glob('**/*.{tf,json,yaml,yml,template}', { cwd: work, dot: true });
  let bytes = 0;
  const queue = [...files];
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      for (let f = queue.shift(); f !== undefined; f = queue.shift()) {
        const text = await readFile(join(work, f));
        bytes += text.length;
      }
    }),
  );
  return { files: files.length, bytes };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const readMs = [];
const scanMs = [];
let read;
let result;
for (let r = 0; r < REPEAT; r++) {
  let t = performance.now();
  read = await plainRead();
  readMs.push(performance.now() - t);
  t = performance.now();
  result = await scanIac(['.'], { root: work });
  scanMs.push(performance.now() - t);
}
const tf = read.files - 200;
console.log(
  `iac scan of ${tf} .tf files and 200 templates (${(read.bytes / 1024 / 1024).toFixed(1)} MiB), median of ${REPEAT}:`,
);
console.log(`  plain read (glob + readFile): ${median(readMs).toFixed(0)} ms`);
console.log(
  `  scanIac:                      ${median(scanMs).toFixed(0)} ms  (target < 5000 ms; runs: ${scanMs.map((x) => x.toFixed(0)).join(', ')})`,
);
console.log(
  `  ${result.filesScanned} files scanned, ${result.findings.length} findings, ${result.notes.length} notes`,
);
if (result.notes.length > 0) console.log(result.notes.slice(0, 5).join('\n'));

/**
 * The credential report's bytes are lifted out of the raw GetCredentialReport response before the SDK's
 * XML parser sees them (memory: see src/collect/report-content.ts). Against a local HTTP server speaking
 * IAM's Query protocol: the report and GeneratedTime still arrive intact, and error answers still become
 * the SDK's modelled errors.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IAMClient } from '@aws-sdk/client-iam';
import { fetchCredentialReport, isReportNotReady } from '../../../src/collect/credential-report.js';
import { generateReport } from '../../helpers/report-gen.js';

const CSV = generateReport({ users: 500, accountId: '111122223333' });
let answers: Array<{ status: number; body: string }> = [];
let server: Server;
let iam: IAMClient;

const ok = (action: string, result: string) =>
  `<${action}Response xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><${action}Result>${result}</${action}Result>` +
  `<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></${action}Response>`;
const COMPLETE = { status: 200, body: ok('GenerateCredentialReport', '<State>COMPLETE</State>') };

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const a = answers.shift() ?? { status: 500, body: 'no answer queued' };
      res.writeHead(a.status, { 'content-type': 'text/xml' });
      res.end(a.body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  iam = new IAMClient({
    region: 'us-east-1',
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    maxAttempts: 1,
  });
});

afterAll(async () => {
  iam.destroy();
  await new Promise((r) => server.close(r));
});

const deps = { sleep: async () => undefined, now: () => new Date('2026-11-01T00:00:00Z') };

describe('GetCredentialReport content', () => {
  it('arrives whole, with the report time, when lifted out of the XML', async () => {
    // AWS may wrap base64 over lines; Node's decoder skips the whitespace
    const b64 = Buffer.from(CSV).toString('base64').replace(/.{76}/g, '$&\n');
    answers = [
      COMPLETE,
      {
        status: 200,
        body: ok(
          'GetCredentialReport',
          `<Content>${b64}</Content><ReportFormat>text/csv</ReportFormat><GeneratedTime>2026-10-31T22:00:00Z</GeneratedTime>`,
        ),
      },
    ];
    const debug: string[] = [];
    const { report, generatedAt } = await fetchCredentialReport(iam, {
      ...deps,
      debug: (m) => debug.push(m),
    });
    expect(generatedAt.toISOString()).toBe('2026-10-31T22:00:00.000Z');
    expect(report.accountId).toBe('111122223333');
    expect(report.users).toHaveLength(500);
    // The lift worked on this SDK's raw response: if an SDK upgrade changes the shape it sees (no raw
    // body stream at the deserialize step), it falls back to the parsed Content and this fails.
    expect(debug).toEqual([]);
  });

  it("falls back to the SDK's parsed Content, saying so at debug level, when there is nothing to lift", async () => {
    answers = [
      COMPLETE,
      // a shape the lift does not recognise (XML allows a space before the `>` of an end tag)
      {
        status: 200,
        body: ok(
          'GetCredentialReport',
          `<Content>${Buffer.from(CSV).toString('base64')}</Content ><ReportFormat>text/csv</ReportFormat>`,
        ),
      },
    ];
    const debug: string[] = [];
    const { report } = await fetchCredentialReport(iam, { ...deps, debug: (m) => debug.push(m) });
    expect(report.users).toHaveLength(500);
    expect(debug).toEqual([expect.stringMatching(/^GetCredentialReport: the raw response had no <Content>/)]);
  });

  it('leaves error answers to the SDK, which still names them', async () => {
    answers = [
      COMPLETE,
      {
        status: 410,
        body:
          '<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type>' +
          '<Code>ReportNotPresent</Code><Message>no report</Message></Error><RequestId>r</RequestId></ErrorResponse>',
      },
      COMPLETE,
      {
        status: 200,
        body: ok('GetCredentialReport', `<Content>${Buffer.from(CSV).toString('base64')}</Content>`),
      },
    ];
    const { report } = await fetchCredentialReport(iam, deps);
    expect(report.users).toHaveLength(500); // generated again after ReportNotPresent, then read
    expect(answers).toHaveLength(0);
    expect(isReportNotReady(Object.assign(new Error('x'), { name: 'ReportNotPresent' }))).toBe(true);
  });
});

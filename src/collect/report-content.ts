/**
 * `GetCredentialReport` answers with the whole report base64-encoded inside one XML element. The SDK's
 * XML deserializer turns a text node that large into about half a gigabyte of short-lived strings
 * (measured: a 50,000-user report, 14 MB of XML, took the process from 170 MB to 650 MB RSS), and an
 * organization audit reads `concurrency` reports at once. This deserialize-step middleware runs inside
 * the SDK's deserializer: it lifts the bytes of `<Content>` out of the raw response, decodes them once,
 * and hands the SDK the small remainder (GeneratedTime, ReportFormat) to parse as usual. Error responses
 * and anything it does not recognise pass through untouched.
 */
import { Readable } from 'node:stream';
import type { DeserializeHandler, DeserializeHandlerArguments, MetadataBearer } from '@smithy/types';
import { ReportTooLargeError } from '../aws/errors.js';
import { MAX_REPORT_BYTES, tooLargeDetail } from './parse.js';

const OPEN = Buffer.from('<Content>');
const CLOSE = Buffer.from('</Content>');

export interface LiftedContent {
  /** The decoded report (CSV bytes), once a successful response went through. */
  content: Buffer | null;
}

/** The response body, or a `ReportTooLargeError` once it passes `maxBytes` (never buffering more). */
async function collect(body: AsyncIterable<Uint8Array | string>, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
    size += buf.length;
    if (size > maxBytes) {
      (body as { destroy?: () => void }).destroy?.();
      throw new ReportTooLargeError(
        `${tooLargeDetail(Math.floor((size * 3) / 4), Math.floor((maxBytes * 3) / 4))} (the response was not read further)`,
      );
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

function isAsyncIterable(value: unknown): value is AsyncIterable<Uint8Array | string> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/**
 * `maxReportBytes`: the largest decoded report accepted; the raw response may hold its base64 (4/3 of
 * it) plus a little XML.
 */
export function liftReportContent(lifted: LiftedContent, maxReportBytes: number = MAX_REPORT_BYTES) {
  const maxResponseBytes = Math.ceil((maxReportBytes * 4) / 3) + 64 * 1024;
  return <Output extends MetadataBearer>(next: DeserializeHandler<object, Output>) =>
    async (args: DeserializeHandlerArguments<object>) => {
      const out = await next(args);
      const response = out.response as { statusCode?: number; body?: unknown };
      const ok = response.statusCode !== undefined && response.statusCode >= 200 && response.statusCode < 300;
      if (!ok || !isAsyncIterable(response.body)) return out;
      const raw = await collect(response.body, maxResponseBytes);
      const open = raw.indexOf(OPEN);
      const close = open < 0 ? -1 : raw.indexOf(CLOSE, open + OPEN.length);
      if (close < 0) {
        response.body = Readable.from([raw]);
        return out;
      }
      // base64 is ASCII: a one-byte string of it, decoded once (Node skips any whitespace in it)
      lifted.content = Buffer.from(raw.toString('latin1', open + OPEN.length, close), 'base64');
      response.body = Readable.from([
        Buffer.concat([raw.subarray(0, open), raw.subarray(close + CLOSE.length)]),
      ]);
      return out;
    };
}

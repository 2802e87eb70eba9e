/**
 * The findings of a report while it streams, kept outside the JavaScript heap: each as one line of JSON
 * in pages of bytes, read back as objects when the report has been read. Findings are few (a few per
 * hundred users) but live for the whole run; made one by one among the parser's short-lived rows, they
 * make V8 grow its young generation (measured: to 64 MB semi-spaces, about 20 MB of the peak, at
 * 10,000 findings in a 200,000-user report). A Finding is plain JSON data, so it comes back equal.
 */
import type { Finding } from '../model.js';

const PAGE = 1 << 20;

export class FindingBuffer {
  private readonly pages: Buffer[] = [];
  private page: Buffer | null = null;
  private used = 0;
  private count = 0;

  push(f: Finding): void {
    const text = JSON.stringify(f);
    const need = Buffer.byteLength(text, 'utf8') + 1;
    if (this.page === null || this.used + need > this.page.length) {
      if (this.page !== null) this.pages.push(this.page.subarray(0, this.used));
      this.page = Buffer.allocUnsafe(Math.max(PAGE, need));
      this.used = 0;
    }
    this.used += this.page.write(text, this.used, 'utf8');
    this.page[this.used++] = 0x0a;
    this.count++;
  }

  get length(): number {
    return this.count;
  }

  /** Every finding pushed, in order, as objects again. */
  toArray(): Finding[] {
    const out: Finding[] = [];
    const pages = this.page === null ? this.pages : [...this.pages, this.page.subarray(0, this.used)];
    for (const page of pages) {
      for (let start = 0, nl = page.indexOf(0x0a); nl >= 0; start = nl + 1, nl = page.indexOf(0x0a, start)) {
        out.push(JSON.parse(page.toString('utf8', start, nl)) as Finding);
      }
    }
    return out;
  }
}

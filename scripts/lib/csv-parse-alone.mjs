// The offline floor of `npm run bench`: csv-parse alone streaming a credential report file (the parser the
// action uses, with its options), counting its records, nothing else. Run with rss-probe.mjs like the action.
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

let records = 0;
for await (const record of createReadStream(process.argv[2]).pipe(
  parse({ bom: true, relax_column_count: true, skip_empty_lines: false }),
)) {
  if (record) records++;
}
process.stdout.write(`${records}\n`);

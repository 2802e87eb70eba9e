// The offline floor of `npm run bench`: csv-parse alone streaming credential report files one after the
// other (the parser the action uses, with its options), counting their records, nothing else. Run with
// rss-probe.mjs like the action.
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

let records = 0;
for (const file of process.argv.slice(2)) {
  for await (const record of createReadStream(file).pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: false }),
  )) {
    if (record) records++;
  }
}
process.stdout.write(`${records}\n`);

import { generateOrg, SIZES } from '../demo/generate.js';
import { DEMO_DAY, demoDocument } from '../demo/load.js';
import { parseOptions } from './command.js';
import { badUsage, endQuietlyWhenReaderGoes, keptByNpm } from './failures.js';
import { IMPORT, type ImportPayload } from './import.js';
import { ImportReport } from './import-report.js';
import { ctrlC } from './interrupt.js';
import { connect } from './operator.js';
import { runMain } from './run-main.js';

const USAGE = `Usage: npm run seed [-- --size XS|S|M|L]

Loads the demo org (as of its own day, as the first start does), or with --size a generated
org of that many teams (XS 40, S 500, M 2,000, L 14,000: about 100,000 people), into the
configured database, or through the server holding the embedded one. It adds to the org
already there (seeding twice changes nothing). It prints no token: mint one with
  npm run org -- token create --role ADMIN --name "my laptop"
`;

// `npm run seed`, as USAGE says. Through a running server the demo is loaded on the server's
// today, which it answers for. Exit codes as `npm run org`'s.
endQuietlyWhenReaderGoes();
await runMain(async (config) => {
  ctrlC(); // a Ctrl-C while a large org is generated: nothing written, said so
  const kept = keptByNpm('seed', ['--size'], process.argv.slice(2)); // `npm run seed --size XS`: npm kept --size
  if (kept) throw kept;
  const { values } = parseOptions({
    options: { size: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const size = values.size as keyof typeof SIZES | undefined;
  if (size !== undefined && !(size in SIZES)) {
    throw badUsage(`--size: one of ${Object.keys(SIZES).join(', ')}`);
  }
  const document = size ? generateOrg(SIZES[size]) : demoDocument();
  const day = size ? undefined : DEMO_DAY;
  const org = await connect(config, 'seed', day, { preferred: true });
  try {
    const { importOrg } = await org.ask<{ importOrg: ImportPayload }>(IMPORT, { document });
    const io = {
      out: (text: string) => process.stdout.write(text),
      err: (text: string) => process.stderr.write(text),
    };
    // Said as an import says it: refused whole (the org there contradicts the demo), or the counts.
    const report = new ImportReport(
      io,
      size ? `the generated org (${size})` : 'the demo org',
      false,
    );
    const problems = importOrg.userErrors.map((e) =>
      e.path ? `${e.path}: ${e.message}` : e.message,
    );
    if (problems.length > 0) return report.refused(problems, []);
    return report.done(importOrg, [], false);
  } finally {
    await org.close();
  }
});

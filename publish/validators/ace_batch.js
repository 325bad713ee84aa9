// Runs Ace by DAISY (npm @daisy/ace-core, the library behind ace-cli) on many EPUBs in one
// Node process with one browser, which ace-cli would launch and close for each EPUB. Used by
// publish.validators.epub: the arguments are pairs of an EPUB and the folder to write its
// report.json into. The browser comes from PUPPETEER_EXECUTABLE_PATH (Debian's chromium).
'use strict';

const ace = require('@daisy/ace-core');
const logger = require('@daisy/ace-logger');
const runner = require('@daisy/ace-axe-runner-puppeteer');

async function main(args) {
  logger.initLogger({ verbose: false, silent: true });
  let launched = false;
  const shared = Object.assign(Object.create(runner), {
    launch: async () => {
      if (!launched) await runner.launch();
      launched = true;
    },
    close: async () => {},  // (closed once, after the last EPUB)
  });
  let failed = 0;
  for (let i = 0; i + 1 < args.length; i += 2) {
    try {
      await ace(args[i], { cwd: process.cwd(), outdir: args[i + 1], silent: true }, shared);
    } catch (err) {
      failed += 1;
      process.stderr.write(`${args[i]}: ${err && err.message ? err.message : err}\n`);
    }
  }
  if (launched) await runner.close();
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code), (err) => {
  process.stderr.write(`${err && err.stack ? err.stack : err}\n`);
  process.exit(1);
});

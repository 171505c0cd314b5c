#!/usr/bin/env node
// The `jiuzhu` command: a plain `status` runs dist/status.mjs (one bundle,
// no commander), every other command line dist/program.mjs (commander, and
// each command's module only when it runs). See docs/architecture.md "Start-up".
import { plainStatus } from './argv.js';

const entry = plainStatus(process.argv.slice(2)) ? './status.mjs' : './program.mjs';
await import(new URL(entry, import.meta.url).href);

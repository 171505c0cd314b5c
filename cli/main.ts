#!/usr/bin/env node
// The `jiuzhu` command: a plain `status` runs dist/status.mjs and a plain
// `jiuzhu [--data DIR] [--operator NAME]` (the app) dist/app.mjs, each its own
// bundle without commander; every other command line dist/program.mjs
// (commander, and each command's module only when it runs). See
// docs/architecture.md "Start-up".
import { plainApp, plainStatus } from './argv.js';

const argv = process.argv.slice(2);
const entry = plainStatus(argv) ? './status.mjs' : plainApp(argv) ? './app.mjs' : './program.mjs';
await import(new URL(entry, import.meta.url).href);

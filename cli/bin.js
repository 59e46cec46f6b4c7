#!/usr/bin/env node
// The `worldsmith` command. It runs the TypeScript sources through tsx's loader, so a clone
// needs `npm install` and no build step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('./main.ts');
process.exitCode = await runCli(process.argv.slice(2));

#!/usr/bin/env node
// `__complete` is what shell completion runs on every <TAB>: it has a small bundle of its own.
const argv = process.argv.slice(2);
const { main, processIo } = await import(argv[0] === '__complete' ? '../dist/complete.js' : '../dist/cli.js');
process.exitCode = await main(argv, processIo());

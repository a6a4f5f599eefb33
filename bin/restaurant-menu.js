#!/usr/bin/env node
// `__complete` is what shell completion runs on every <TAB>: it has a small bundle of its own.
const argv = process.argv.slice(2);
const { main, processIo } = await import(argv[0] === '__complete' ? '../dist/complete.js' : '../dist/cli.js');
const io = processIo();
const code = await main(argv, io);
// An output that could not be written (a full disk) turns success into exit 4 (io.ts).
process.exitCode = io.exitCode ? io.exitCode(code) : code;

// Loaded with `node --import`: records every module file the process loads, one URL per line,
// in the file named by TRACE_IMPORTS_FILE. Used to check what a warm lookup loads.
import { register } from 'node:module';

register('./trace-imports-hooks.mjs', import.meta.url, { data: { file: process.env.TRACE_IMPORTS_FILE } });

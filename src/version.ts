declare const __VERSION__: string | undefined;

/** Replaced by the bundler with package.json's version; tests that import src/ see 'dev'. */
export const VERSION: string = typeof __VERSION__ === 'string' ? __VERSION__ : 'dev';

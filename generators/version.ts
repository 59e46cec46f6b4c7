/** Worldsmith's version, written into every file it makes. A test keeps it equal to package.json's. */
export const WORLDSMITH_VERSION = '0.1.0';

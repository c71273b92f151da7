// The config's fixed words: where it is found and the versions a target may name. Apart from
// config.ts (which re-exports them), so that the command line's help can say them without loading
// the config's reader and its validation.

export const CONFIG_FILE = "postman-codegen.config.json";
export const PACKAGE_KEY = "postman-codegen";

export const DEFAULT_PACKAGE_VERSION = "0.1.0";

/** The `version` that bumps the previous output's version by the verdict (src/diff/changelog.ts). */
export const AUTO_VERSION = "auto";

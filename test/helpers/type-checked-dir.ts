// The environment variable naming the folder where one `vitest` run's type checks record the files
// they found clean (test/helpers/type-check.ts), and its format checks the texts prettier left as
// they were (test/helpers/format-once.ts): made by test/global-setup.ts before any test file runs,
// removed after the last, so every result in it was found by this run, on these sources.
export const TYPE_CHECKED_DIR = "POSTMAN_CODEGEN_TYPE_CHECKED";

// Collection strings that break out of a string literal, a comment, a template or a script tag
// when emitted carelessly, and a prototype key: every emitter's hostile-input tests feed them.
export const HOSTILE_STRINGS: readonly string[] = [
  "*/ globalThis.pwned = 1; /*",
  '"; globalThis.pwned = 1; "',
  "`${globalThis.pwned = 1}`",
  "</script><script>globalThis.pwned = 1</script>",
  "line\u2028separator\u2029paragraph",
  "ends in a backslash\\",
  'backslash before a quote \\" /* then a comment opener',
  "lone surrogate \ud800 here",
  "__proto__",
];

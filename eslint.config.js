// ESLint for our own browser JavaScript (npx eslint overrides/assets/javascripts).
// Vendored files (assets/javascripts/vendor, and md-scope.js: Material's own code) are not ours and are not linted.
"use strict";
const js = require("@eslint/js");
const globals = require("globals");

module.exports = [
  {
    ignores: [
      "**/vendor/**", "overrides/assets/javascripts/md-scope.js", "site/**", "node_modules/**", "benchmarks/node/**",
      ".venv/**", ".mutatie/**",  // the virtual environment, and the copies `make mutatie` works in
    ],
  },
  js.configs.recommended,
  {
    files: ["overrides/assets/javascripts/**/*.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: { ...globals.browser, lunr: "readonly", L: "readonly", protomapsL: "readonly", module: "writable" },
    },
    rules: {
      "no-var": "off",
      eqeqeq: ["error", "always", { null: "ignore" }],
      "no-implicit-globals": "error",
      "no-unused-vars": ["error", { args: "none", caughtErrors: "none" }],
      strict: ["error", "function"],
    },
  },
  {
    files: ["tests/js/**/*.js", "eslint.config.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "commonjs", globals: { ...globals.node } },
  },
];

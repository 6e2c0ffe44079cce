/** @type {import('prettier').Config} */
export default {
  printWidth: 140,
  singleQuote: true,
  trailingComma: 'all',
  // Compose files quote with double quotes, as Docker's documentation does; only the TS/JS code goes single-quoted.
  overrides: [{ files: ['*.yml', '*.yaml'], options: { singleQuote: false } }],
};

// npm run lint: ESLint's and typescript-eslint's recommended rules over the sources, tests and scripts.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.bench/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // plan's job includes finding and neutralising control characters: its regular expressions name them.
      'no-control-regex': 'off',
    },
  },
  {
    // CommonJS by design: the bin shim, build-time stand-ins, the benchmark's preload.
    files: ['**/*.cjs', 'bin/plan.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly', __filename: 'readonly', Buffer: 'readonly', URL: 'readonly', TextDecoder: 'readonly', performance: 'readonly', setTimeout: 'readonly' } },
  },
);

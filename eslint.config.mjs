import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'cloudfunctions-dist', '.data', 'test-results', '**/*.js', '!eslint.config.mjs'] },
  ...tseslint.configs.recommended,
  {
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/cloudfunctions/**'], message: 'src/ may import types/ only, never cloudfunctions/.' }] },
      ],
    },
  },
  {
    files: ['test/**', 'scripts/**', 'cloudfunctions/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
)

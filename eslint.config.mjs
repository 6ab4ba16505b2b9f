// Lint keeps the layout honest: no import cycles, src/ never imports test/, shared code never
// reaches up into the layers that use it, and one graph domain never imports another's files
// (domains meet through the per-request loaders and the shared entity/relationship core).
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';

const DOMAINS = ['person', 'organisation', 'event', 'agreement', 'project', 'place', 'document', 'search', 'explore'];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/', 'neo4j/', 'src/generated/', 'sdk/dist/', 'sdk/src/generated/', '.data/'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js'] })] },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './src', from: './test', message: 'src/ must not import tests' },
            { target: './src/shared', from: ['./src/graph', './src/api', './src/db', './src/seed'], message: 'shared/ is the bottom layer' },
            { target: './src/db', from: ['./src/graph', './src/api'], message: 'the database layer knows nothing of the API' },
            { target: './src/graph', from: './src/api', except: ['./context.ts'], message: 'graph/ may use only the request context type from api/' },
            ...DOMAINS.map((domain) => ({
              target: `./src/graph/${domain}`,
              from: DOMAINS.filter((d) => d !== domain).map((d) => `./src/graph/${d}`),
              message: 'domains reach each other only through loaders and the entity/relationship core',
            })),
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

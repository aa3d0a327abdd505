// Flat config: https://eslint.org/docs/latest/use/configure/configuration-files
import pluginVue from 'eslint-plugin-vue'
import tseslint from 'typescript-eslint'
import vueParser from 'vue-eslint-parser'

// The restore validator (valibot + every record schema) stays out of the first route.
const LAZY_VALIDATOR = { regex: '^(@/schema|.*/schema/(backup|records|index)|@/schema/(backup|records|index)|valibot)$', allowTypeImports: true, message: 'The backup validator is loaded with import() when a file is restored, never statically.' }
const FRAMEWORKS = ['vue', 'pinia', 'dexie', 'echarts', 'echarts/*', 'vue-echarts', 'element-plus', 'element-plus/*', '@vueuse/*']

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'e2e/artifacts/**', '**/*.d.ts'] },
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: {
      parser: vueParser,
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'], sourceType: 'module' },
    },
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'vue/multi-word-component-names': 'error',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
    },
  },
  // Layer boundaries (style.md): domain is pure; only src/db touches Dexie; views and
  // components never reach into the database directly. In a flat config the last
  // matching block sets a rule, so the general ban comes first and each layer's list repeats it.
  {
    files: ['src/**/*.ts', 'src/**/*.vue'],
    ignores: ['src/db/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['dexie'], message: 'Only src/db may import dexie.' },
          LAZY_VALIDATOR,
        ],
      }],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: FRAMEWORKS, message: 'src/domain is pure TypeScript: no frameworks.' },
          { group: ['@/db/*', '@/stores/*', '@/composables/*', '@/components/*', '@/views/*', '@/charts/*', '@/importers/*', '@/schema', '@/schema/*', 'valibot', '../*'], message: 'src/domain depends on nothing else.' },
        ],
      }],
    },
  },
  {
    files: ['src/presenters/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: FRAMEWORKS, message: 'src/presenters is plain TypeScript: no frameworks.' },
          { group: ['@/db/*', '@/stores/*', '@/composables/*', '@/components/*', '@/views/*', '@/charts/*', '@/importers/*', '@/exporters/*', '@/schema', '@/schema/*', 'valibot', '../*'], message: 'Presenters build view-models from domain values only.' },
        ],
      }],
    },
  },
  {
    files: ['src/db/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [LAZY_VALIDATOR] }] },
  },
  {
    // The record schemas are shared by the app, the importers and a server: valibot and the
    // domain only.
    files: ['src/schema/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ regex: '^(?!valibot$|@/domain/|\\./)', message: 'src/schema may import only valibot and src/domain.' }],
      }],
    },
  },
  {
    files: ['src/importers/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: [...FRAMEWORKS, '@/db/*', '@/stores/*', '@/components/*', '@/views/*'], message: 'Importers turn documents into domain values only.' }],
      }],
    },
  },
  {
    files: ['src/components/**/*.vue', 'src/components/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['dexie', '@/db/*', '@/stores/*'], message: 'Components get data by props; views and composables fetch.' },
          LAZY_VALIDATOR,
        ],
      }],
    },
  },
  {
    files: ['src/views/**/*.vue'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['dexie', '@/db/*', '../db/*'], message: 'Views reach the database through composables, never dexie or src/db.' },
          LAZY_VALIDATOR,
        ],
      }],
    },
  },
  {
    files: ['src/charts/options/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['vue', 'vue-echarts', 'dexie', '@/db/*', '@/stores/*'], message: 'Option builders are pure functions of domain values.' }],
      }],
    },
  },
  // The server runs in Node: it may use src/schema and src/domain, never the app's frameworks,
  // IndexedDB or UI layers.
  {
    files: ['server/**/*.ts', 'tests/server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: FRAMEWORKS, message: 'The server does not use the app\'s frameworks.' },
          { group: ['@/db/*', '@/stores/*', '@/composables/*', '@/components/*', '@/views/*', '@/charts/*', '**/src/db/*', '**/src/stores/*', '**/src/components/*', '**/src/views/*', '**/src/composables/*'], message: 'The server may import src/schema and src/domain only.' },
        ],
      }],
      // `const { secret, ...rest } = row` is how a field is left out of a response.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
)

// @ts-check
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import reactHooks from 'eslint-plugin-react-hooks'
import reactRefresh from 'eslint-plugin-react-refresh'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/**
 * Mutations (by name) and pulled changes (by entity) are dispatched by exhaustive tables
 * (src/shared/tables/handler-table.ts): a forgotten handler is then a type error, not a default.
 */
const noSwitchOnTags = {
  selector:
    "SwitchStatement[discriminant.type='MemberExpression'][discriminant.property.name=/^(name|entity)$/]",
  message: 'Dispatch mutations and changes with a HandlerTable, not a switch.'
}

/** Import patterns for aliases (scripts/config/path-aliases.ts), so a layer rule bites through them. */
const aliases = (...names) => names.flatMap((name) => [name, `${name}/**`])

const rendererLayer = {
  group: ['**/main/**', '**/server/**', 'electron', 'node:*', ...aliases('@main', '@server')],
  message: 'renderer never imports main or server.'
}

/**
 * The renderer's UI (all of src/renderer/src but the worker) reaches the data worker through
 * src/renderer/src/data only, and takes the worker's types from @shared/contract/worker.
 */
const workerDoor = [
  {
    group: aliases('@renderer/workers'),
    message: 'the UI reaches the data worker through renderer/src/data, never its internals.'
  },
  {
    regex: '^(\\.{1,2}/)+workers(/|$)|(^|/)renderer/src/workers(/|$)',
    message: 'the UI reaches the data worker through renderer/src/data, never its internals.'
  }
]

const featureMessage =
  'import a feature from its index (features/<name>), never its internals; inside a feature, use relative paths.'

/**
 * Outside the features (the app shell, stores, shared UI), a feature is imported from its
 * index. The store combines the features' slices, so `stores/` may also import their `store`.
 */
const featureDoor = (internal = '.') => [
  { regex: `^@renderer/features/[^/]+/${internal}`, message: featureMessage },
  {
    regex: `^(\\.{1,2}/)+features/[^/]+/${internal}|(^|/)renderer/src/features/[^/]+/${internal}`,
    message: featureMessage
  }
]

/**
 * Inside a feature, a file `depth` folders below the feature's own folder leaves it after
 * `depth + 1` steps up; a path that goes on into another folder there reaches past that
 * feature's index.
 */
const featureBoundary = (depth) => [
  ...featureDoor(),
  { regex: `^(\\.\\./){${depth + 1}}[^./][^/]*/.`, message: featureMessage },
  {
    group: aliases('@renderer/app'),
    message: 'a feature never imports the app shell: the shell composes the features.'
  },
  {
    regex: '^(\\.{1,2}/)+app(/|$)|(^|/)renderer/src/app(/|$)',
    message: 'a feature never imports the app shell: the shell composes the features.'
  }
]

/** Deep enough for every feature's folders (features/<name>/components/… is one level). */
const FEATURE_DEPTHS = [0, 1, 2, 3]

/** Layer boundaries from STYLE.md: each layer may import only what it is allowed to know. */
const restrict = (patterns) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        ...patterns,
        {
          group: ['**/test/support/**', ...aliases('@support', '@scripts')],
          message: 'the app never imports tests or tooling.'
        }
      ]
    }
  ]
})

export default tseslint.config(
  {
    ignores: [
      '.tmp/**',
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.data/**',
      // Files that must fail lint, linted by test/unit/tooling/lint-fixtures.test.ts as if in src/.
      'test/lint-fixtures/**'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['eslint.config.js']
        },
        tsconfigRootDir: import.meta.dirname
      }
    },
    rules: {
      'no-console': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.property.name='only'][callee.object.name=/^(it|test|describe)$/], CallExpression[callee.property.name='only'][callee.object.property.name='describe']",
          message: 'Focused tests silence the rest of the suite.'
        },
        noSwitchOnTags
      ]
    }
  },
  {
    files: ['eslint.config.js'],
    ...tseslint.configs.disableTypeChecked
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'test/unit/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'react-refresh': reactRefresh, 'jsx-a11y': jsxA11y },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.strict.rules,
      'react-refresh/only-export-components': ['error', { allowConstantExport: true }],
      // Every visible string goes through i18n so Spanish and English stay complete.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'JSXText[value=/[A-Za-zÁÉÍÓÚáéíóúñÑ]{2,}/]',
          message: 'Visible text must come from i18n (t()).'
        },
        noSwitchOnTags
      ]
    }
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: restrict([
      {
        group: [
          '**/main/**',
          '**/renderer/**',
          '**/server/**',
          '**/preload/**',
          ...aliases('@main', '@renderer', '@server', '@preload')
        ],
        message: 'shared imports only shared.'
      },
      { group: ['node:*', 'electron', 'fs', 'path'], message: 'shared is pure: no I/O.' }
    ])
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: restrict([rendererLayer])
  },
  {
    files: ['src/renderer/src/**/*.{ts,tsx}'],
    ignores: ['src/renderer/src/workers/**'],
    rules: restrict([rendererLayer, ...workerDoor, ...featureDoor()])
  },
  {
    files: ['src/renderer/src/stores/**/*.{ts,tsx}'],
    rules: restrict([rendererLayer, ...workerDoor, ...featureDoor('(?!store$).')])
  },
  ...FEATURE_DEPTHS.map((depth) => ({
    files: [`src/renderer/src/features/*/${'*/'.repeat(depth)}*.{ts,tsx}`],
    rules: restrict([rendererLayer, ...workerDoor, ...featureBoundary(depth)])
  })),
  {
    files: ['src/preload/**/*.ts'],
    rules: restrict([
      {
        group: [
          '**/main/**',
          '**/renderer/**',
          '**/server/**',
          '**/shared/domain/**',
          '**/shared/sync/**',
          ...aliases('@main', '@renderer', '@server', '@shared/domain', '@shared/sync')
        ],
        message: 'preload imports only electron and shared/contract.'
      }
    ])
  },
  {
    files: ['src/server/**/*.ts'],
    rules: restrict([
      {
        group: [
          '**/main/**',
          '**/renderer/**',
          '**/preload/**',
          'electron',
          ...aliases('@main', '@renderer', '@preload')
        ],
        message: 'server imports only shared.'
      }
    ])
  },
  {
    files: ['src/main/**/*.ts'],
    rules: restrict([
      {
        group: ['**/renderer/**', '**/server/**', ...aliases('@renderer', '@server')],
        message: 'main never imports renderer or server.'
      }
    ])
  },
  {
    files: ['src/renderer/src/**/*.{ts,tsx}'],
    ignores: ['src/renderer/src/platform/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'window',
          property: 'desktop',
          message: 'Only renderer/platform touches window.desktop.'
        }
      ]
    }
  },
  {
    files: ['scripts/**/*.ts', 'src/server/**/*.ts', 'src/main/**/*.ts', 'test/**/*.ts'],
    languageOptions: { globals: globals.node }
  },
  {
    // Playwright reads fixture dependencies from the destructuring pattern, even an empty one.
    files: ['test/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' }
  },
  prettier
)

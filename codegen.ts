import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed documents for the named operations in schema/operations, generated
// against the committed schema; tests (and portals) import the *Document exports.
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['schema/operations/**/*.graphql'],
  generates: {
    'test/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        scalars: { DateTime: 'string', Decimal: 'string', Date: 'string' },
        useTypeImports: true,
        enumsAsTypes: true,
        onlyOperationTypes: true,
        avoidOptionals: { field: true },
      },
    },
  },
  ignoreNoDocuments: false,
};

export default config;

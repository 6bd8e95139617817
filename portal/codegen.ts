import type { CodegenConfig } from '@graphql-codegen/cli';
import { createHash } from 'node:crypto';

// Ids name their algorithm (`sha256:<hex>`, the form trusted-document servers
// expect), whatever the client preset's default prefix is in the version installed.
const sha256 = (document: string) => `sha256:${createHash('sha256').update(document).digest('hex')}`;

// The portal's typed operations, generated from the committed schema exactly as a
// third party would: documents as strings (no graphql runtime in the bundle), each
// with its sha256 hash, and a hash → document manifest for trusted documents.
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['portal/src/operations/*.graphql'],
  generates: {
    'portal/src/gql/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: { mode: 'embedHashInDocument', hashAlgorithm: sha256 },
      },
      config: {
        documentMode: 'string',
        scalars: { DateTime: 'string', Decimal: 'string', Date: 'string' },
        useTypeImports: true,
        enumsAsTypes: true,
        skipTypename: true,
      },
    },
  },
  ignoreNoDocuments: false,
};

export default config;

import type { CodegenConfig } from '@graphql-codegen/cli';

// Generated files are committed so that builds and typechecks need no codegen step; `npm run codegen` refreshes them.
const config: CodegenConfig = {
  schema: 'common/graphql/schema.graphql',
  documents: 'renderer/src/graphql/operations/*.graphql',
  generates: {
    'backend/api/graphql/generated.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useTypeImports: true,
        contextType: './context#GraphQLContext',
        scalars: { DateTime: 'string', JSON: 'Record<string, unknown>' },
        mappers: {},
        enumsAsTypes: true,
        avoidOptionals: false,
      },
    },
    'renderer/src/graphql/generated.ts': {
      plugins: ['typescript', 'typescript-operations', 'typed-document-node'],
      config: { useTypeImports: true, scalars: { DateTime: 'string', JSON: 'Record<string, unknown>' }, enumsAsTypes: true },
    },
  },
};
export default config;

import type { CodegenConfig } from '@graphql-codegen/cli';

// Generated files are committed so that builds and typechecks need no codegen step; `npm run codegen` refreshes them.
const config: CodegenConfig = {
  schema: 'common/graphql/schema.graphql',
  documents: 'renderer/src/graphql/operations/*.graphql',
  ignoreNoDocuments: true,
  generates: {
    'backend/api/graphql/generated.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useTypeImports: true,
        contextType: './context#GraphQLContext',
        scalars: { DateTime: 'string', JSON: 'Record<string, unknown>' },
        mappers: {
          Customer: '../../services/customerService#CustomerView',
          Case: '../../services/caseService#CaseView',
          Ticket: '../../ports/ticketStore#TicketRecord',
          Message: '../../ports/ticketStore#ConversationRecord',
          TimelineEvent: '../../../common/model#TimelineRow',
          TimelinePage: '../../services/timelineService#TimelinePage as TimelinePageModel',
          CustomerHit: '../../ports/caseStore#CustomerHitRow',
          SeedStatus: '../../../common/live#SeedProgress',
          SlaReport: '../../services/slaMetrics#SlaReportData',
          SlaCase: '../../services/slaService#SlaCaseView',
        },
        enumsAsTypes: true,
        avoidOptionals: false,
      },
    },
    'renderer/src/graphql/generated.ts': {
      // typescript-operations v6 emits the enum and input types it needs itself; adding 'typescript' would duplicate them.
      plugins: ['typescript-operations', 'typed-document-node'],
      config: { useTypeImports: true, scalars: { DateTime: 'string', JSON: 'Record<string, unknown>' }, enumsAsTypes: true },
    },
  },
};
export default config;

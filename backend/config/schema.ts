import { z } from 'zod';
import { STACK_DEFAULTS, STACK_S3_CREDENTIALS } from '../../common/stackPorts';

/** Env vars and flags are strings; "false" must mean false (z.coerce.boolean would say true). */
const flag = z.preprocess((v) => (v === 'true' || v === '1' ? true : v === 'false' || v === '0' ? false : v), z.boolean());
/** A list from the environment is comma-separated ("h1:9042,h2:9042"). */
const list = z.preprocess((v) => (typeof v === 'string' ? v.split(',').map((x) => x.trim()).filter(Boolean) : v), z.array(z.string().min(1)).min(1));

/** One priority's SLA targets, in seconds. */
const slaTarget = (firstResponse: number, nextResponse: number, resolution: number) =>
  z
    .object({
      firstResponseSeconds: z.coerce.number().int().min(1).default(firstResponse),
      nextResponseSeconds: z.coerce.number().int().min(1).default(nextResponse),
      resolutionSeconds: z.coerce.number().int().min(1).default(resolution),
    })
    .prefault({});

/** The one typed configuration. File (CS360_CONFIG or --config) < environment (CS360_*) < command-line flags. */
export const configSchema = z
  .object({
    mode: z.enum(['embedded', 'stack']).default('embedded'),
    http: z
      .object({
        host: z.string().min(1).default('127.0.0.1'),
        /** 0 picks a free port (the desktop shell does this). */
        port: z.coerce.number().int().min(0).max(65535).default(4360),
        /** Serve the built renderer (dist/renderer) at / — `npm run web`. */
        serveRenderer: flag.default(false),
        rendererDir: z.string().default('dist/renderer'),
        /**
         * Host names answered besides 127.0.0.1, localhost and [::1] (any port): a DNS-rebinding page
         * reaches the backend under its own name and is refused (backend/api/security/hostAllowlist.ts).
         */
        allowedHosts: z.preprocess((v) => (typeof v === 'string' ? v.split(',').map((x) => x.trim()).filter(Boolean) : v), z.array(z.string().min(1))).default([]),
        /** Serve *.map files of the console; off so the sources are not handed to anyone who asks. */
        serveSourceMaps: flag.default(false),
      })
      .prefault({}),
    dataDir: z.string().min(1).default('data'),
    /** The embedded object store (attachments under <dataDir>/objects, URLs signed and checked by the backend: backend/adapters/local/localObjectStore.ts). Size and type limits: stack.s3. */
    objects: z
      .object({
        /** The origin browsers reach this backend at, for signed URLs; default http://127.0.0.1:<listening port>. */
        publicUrl: z.url({ protocol: /^https?$/ }).optional(),
        /** HMAC secret of the signed URLs; generated per data dir when absent. */
        secret: z.string().min(32).optional(),
        /** Validity of upload and download URLs (at most 5 minutes). */
        expirySeconds: z.coerce.number().int().min(10).max(300).default(300),
      })
      .prefault({}),
    auth: z
      .object({
        /** HMAC secret for session tokens; generated per data dir when absent. */
        secret: z.string().min(32).optional(),
        tokenTtlSeconds: z.coerce.number().int().min(60).max(7 * 24 * 3600).default(12 * 3600),
        /** Set by the desktop shell: every request must present it in x-cs360-launch-token. */
        launchToken: z.string().min(16).optional(),
        /** The company's OpenID Connect provider; when set, the passwordless demo sign-in is refused. */
        oidc: z
          .object({
            issuer: z.url({ protocol: /^https?$/ }).optional(),
          })
          .prefault({}),
      })
      .prefault({}),
    pii: z
      .object({
        /** HMAC-SHA256 key of the contact hashes an ANALYST searches by (full email / phone only); generated per data dir when absent. */
        hmacSecret: z.string().min(32).optional(),
      })
      .prefault({}),
    demo: z
      .object({
        seed: z.coerce.number().int().default(360),
        customers: z.coerce.number().int().min(10).max(1_000_000).default(10_000),
        events: z.coerce.number().int().min(100).max(20_000_000).default(1_000_000),
        whaleEvents: z.coerce.number().int().min(0).max(5_000_000).default(100_000),
        spanDays: z.coerce.number().int().min(1).max(3650).default(540),
        /** Milliseconds between live events; 0 turns the trickle off. */
        trickleIntervalMs: z.coerce.number().int().min(0).default(4000),
      })
      .prefault({}),
    api: z
      .object({
        graphqlMaxDepth: z.coerce.number().int().min(3).max(30).default(8),
        timelineCacheTtlMs: z.coerce.number().int().min(0).default(60_000),
        maxPageSize: z.coerce.number().int().min(1).max(5000).default(500),
        /** Embedded timeline cache bound (the LRU counts UTF-16 bytes). */
        cacheMaxMb: z.coerce.number().int().min(1).max(8192).default(256),
      })
      .prefault({}),
    /**
     * The History port's fallback where it can fail (stack mode on Trino): the customer timeline and
     * the case timeline answer from the serving store, marked partial, when Trino errs or is slower
     * than timeoutMs (backend/services/historyFallback.ts).
     */
    history: z
      .object({
        /** How long one Trino query may take before the serving store answers instead. */
        timeoutMs: z.coerce.number().int().min(50).max(120_000).default(3000),
        /** How long a partial page stays cached (0: not cached), so the partial state clears by itself. */
        partialCacheTtlMs: z.coerce.number().int().min(0).max(60_000).default(5000),
        /** After a failure, Trino is not asked again for this long (requests go straight to the serving store). */
        retryAfterMs: z.coerce.number().int().min(0).max(300_000).default(5000),
        /** Recent timeline rows per customer the backend keeps in its serving store for the fallback (stack mode, Flink pipeline). */
        servingRowsPerCustomer: z.coerce.number().int().min(0).max(100_000).default(500),
      })
      .prefault({}),
    /** Cost limits checked before a GraphQL operation runs (backend/api/security/costLimit.ts). */
    graphql: z
      .object({
        /** Aliased fields in one operation. */
        maxAliases: z.coerce.number().int().min(1).max(1000).default(30),
        /** Fields in one operation, fragments expanded. */
        maxFields: z.coerce.number().int().min(10).max(100_000).default(1000),
        /** Estimated objects returned: each list field multiplies its selection by its `first` (or listSize). */
        maxCost: z.coerce.number().int().min(100).max(100_000_000).default(100_000),
        /** The assumed length of a list field that takes no `first`. */
        listSize: z.coerce.number().int().min(1).max(10_000).default(20),
        /** Nesting of brackets in the query text (selections, lists, objects): deeper is refused before parsing. */
        maxNesting: z.coerce.number().int().min(8).max(1000).default(64),
      })
      .prefault({}),
    /** GET /metrics: a bearer token (Prometheus), a separate listener, or a SUPERVISOR/ANALYST session. */
    metrics: z
      .object({
        token: z.string().min(16).optional(),
        /** A separate listener for /metrics only (no auth: bind it where only the scraper reaches it); 0: none. */
        port: z.coerce.number().int().min(0).max(65535).default(0),
        host: z.string().min(1).default('127.0.0.1'),
      })
      .prefault({}),
    /** socket.io limits (backend/api/live/socketServer.ts). */
    live: z
      .object({
        /** customer:watch rooms one socket may hold; beyond, the watch is refused with INVALID_INPUT. */
        maxRoomsPerSocket: z.coerce.number().int().min(1).max(10_000).default(50),
      })
      .prefault({}),
    notifications: z
      .object({
        /** Slack incoming webhook for escalations and SLA breaches; off when absent. */
        slackWebhookUrl: z.url({ protocol: /^https?$/ }).optional(),
        /** Email over SMTP for escalations and SLA breaches; off when absent. */
        smtp: z
          .object({
            host: z.string().min(1),
            port: z.coerce.number().int().min(1).max(65535).default(587),
            /** true: TLS from the first byte (465); false: STARTTLS when the server offers it. */
            secure: flag.default(false),
            from: z.email(),
            /** Recipients; a comma-separated list from the environment. */
            to: z.preprocess((v) => (typeof v === 'string' ? v.split(',').map((x) => x.trim()).filter(Boolean) : v), z.array(z.email()).min(1)),
          })
          .optional(),
        /** Retries after the first failed delivery (each sink), with exponential backoff. */
        retries: z.coerce.number().int().min(0).max(10).default(3),
        retryBaseMs: z.coerce.number().int().min(1).max(60_000).default(1000),
        /** Notifications kept for reconnect replay. */
        replayBufferSize: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
        /**
         * Live delivery is batched: notifications are sent at most once every this many ms (or 200 at a
         * time), one 'notifications' packet per socket per flush; one after a quiet interval goes at once.
         * 0 sends each one at once.
         */
        flushIntervalMs: z.coerce.number().int().min(0).max(60_000).default(10),
      })
      .prefault({}),
    /**
     * Connection settings of `mode: 'stack'` (backend/adapters/stack/stackAdapters.ts). The defaults are
     * the no-Docker runner's (`npm run stack:up`, stack/README.md); compose or a real platform overrides them.
     */
    stack: z
      .object({
        /**
         * Who turns events into cases, timeline and notifications in stack mode. `flink`: the Flink SQL
         * jobs of flink-sql/ (the production path: the backend publishes events to Kafka, the case
         * projector writes Cassandra, History reads cs_timeline through Trino). `embedded`: the
         * backend's own pipeline on Kafka's cs.events with a local timeline (no Flink/Trino needed).
         */
        pipeline: z.enum(['flink', 'embedded']).default('embedded'),
        cassandra: z
          .object({
            contactPoints: list.default([...STACK_DEFAULTS.cassandraContactPoints]),
            localDataCenter: z.string().min(1).default('datacenter1'),
            keyspace: z.string().regex(/^[a-z][a-z0-9_]{0,47}$/, 'a lower-case CQL keyspace name').default('cs'),
          })
          .prefault({}),
        postgres: z
          .object({
            url: z.string().regex(/^postgres(ql)?:\/\//, 'a postgres:// URL').default(STACK_DEFAULTS.postgresUrl),
            maxConnections: z.coerce.number().int().min(1).max(200).default(10),
          })
          .prefault({}),
        redis: z
          .object({
            url: z.string().regex(/^rediss?:\/\//, 'a redis:// URL').default(STACK_DEFAULTS.redisUrl),
            /** Prefixes every key: several deployments (or test runs) can share one Redis. */
            keyPrefix: z.string().default('cs360:'),
            /**
             * Pages also kept in this process's memory for this long (0: Redis only). Bounds how stale a
             * page can be on an instance that did not receive the invalidating event (backend/adapters/stack/tieredCache.ts).
             */
            nearCacheTtlMs: z.coerce.number().int().min(0).max(60_000).default(2000),
          })
          .prefault({}),
        kafka: z
          .object({
            brokers: list.default([...STACK_DEFAULTS.kafkaBrokers]),
            /** Consumer group prefix: each subscribed topic is consumed in group `<groupId>.<topic>`. */
            groupId: z.string().min(1).default('cs360-backend'),
            clientId: z.string().min(1).default('cs360-backend'),
            /** Appended to every topic name; non-empty only for test runs and tenants (those topics are created at start). */
            topicSuffix: z.string().regex(/^[A-Za-z0-9._-]*$/).default(''),
          })
          .prefault({}),
        /** History (cs_timeline) on Trino's Iceberg catalog (backend/adapters/stack/trinoHistoryStore.ts); not wired yet. */
        trino: z
          .object({
            url: z.string().regex(/^https?:\/\//, 'an http(s):// URL').default(STACK_DEFAULTS.trinoUrl),
            catalog: z.string().regex(/^[a-z_][a-z0-9_]*$/, 'a lower-case SQL identifier').default('iceberg'),
            schema: z.string().regex(/^[a-z_][a-z0-9_]*$/, 'a lower-case SQL identifier').default('cs'),
            user: z.string().min(1).default('cs360-backend'),
          })
          .prefault({}),
        /** Objects (case attachments) on S3/MinIO: presigned uploads and downloads (backend/services/attachmentService.ts). */
        s3: z
          .object({
            endpoint: z.url({ protocol: /^https?$/ }).default(STACK_DEFAULTS.s3Endpoint),
            /** Where browsers reach the object server when the backend uses another address (compose); URLs are signed for it. */
            publicEndpoint: z.url({ protocol: /^https?$/ }).optional(),
            region: z.string().min(1).default('us-east-1'),
            bucket: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'an S3 bucket name').default('cs360-attachments'),
            // The runner's development credentials (stack/README.md); a real deployment sets its own.
            accessKeyId: z.string().min(1).default(STACK_S3_CREDENTIALS.accessKeyId),
            secretAccessKey: z.string().min(1).default(STACK_S3_CREDENTIALS.secretAccessKey),
            maxUploadBytes: z.coerce.number().int().min(1).max(5 * 1024 ** 3).default(10 * 1024 * 1024),
            allowedContentTypes: list.default(['image/png', 'image/jpeg', 'application/pdf', 'text/plain']),
          })
          .prefault({}),
        /** Notes sync: the CouchDB server the renderer's PouchDB replicates with, one database per agent. */
        couchdb: z
          .object({
            /** As the renderer reaches it (handed out by GET /api/notes/sync). */
            url: z.url({ protocol: /^https?$/ }).default(STACK_DEFAULTS.couchdbUrl),
            /** Where the backend reaches it to create databases, when that differs from url; user:password in it become Basic auth. */
            adminUrl: z.url({ protocol: /^https?$/ }).optional(),
            databasePrefix: z.string().regex(/^[a-z][a-z0-9_$()+/-]*$/, 'a CouchDB database name prefix').default('support_notes_'),
            /** CouchDB 3 `[jwt_keys] hmac:_default` secret: the backend then hands each agent a short-lived JWT instead of nothing. */
            jwtSecret: z.string().min(32).optional(),
            jwtTtlSeconds: z.coerce.number().int().min(60).max(86_400).default(900),
            /** Follow the shared notes database's _changes into cs.events (the Flink job's input). */
            notesWorker: flag.default(true),
          })
          .prefault({}),
      })
      .prefault({}),
    /**
     * The case projector (backend/projector): the Flink SQL case job's upsert-kafka topics into Cassandra,
     * `cs_case_changes` → cs.customer_case and `cs_customer_stats` → cs.customer_stats. Topic names get
     * stack.kafka.topicSuffix appended, as the Events port's do.
     */
    projector: z
      .object({
        /** Run it inside the backend process in stack mode; the standalone process (dist/backend/projector.js) always runs it. */
        enabled: flag.default(false),
        topic: z.string().regex(/^[A-Za-z0-9._-]+$/, 'a Kafka topic name').default('cs_case_changes'),
        /** The per-customer figures (lifetime value, order count); consumed in group `<groupId>.<statsTopic>`. */
        statsTopic: z.string().regex(/^[A-Za-z0-9._-]+$/, 'a Kafka topic name').default('cs_customer_stats'),
        /** Its own consumer group (case changes): offsets are committed only after the Cassandra write. */
        groupId: z.string().min(1).default('cs360-case-projector'),
        /** Records applied between two offset commits of a partition (at most this many are re-applied after a crash). */
        batchSize: z.coerce.number().int().min(1).max(5000).default(500),
        /** /metrics and /health of the standalone process; port 0 turns them off. */
        metricsHost: z.string().min(1).default('127.0.0.1'),
        metricsPort: z.coerce.number().int().min(0).max(65535).default(9464),
      })
      .prefault({}),
    /**
     * The CouchDB _changes worker (backend/workers/couchTicketsWorker.ts): database support_tickets →
     * Kafka support.tickets. Brokers and topicSuffix come from stack.kafka.
     */
    ticketsWorker: z
      .object({
        /** Run it inside the backend process in stack mode; its own process (backend/workers/couchTicketsWorkerMain.ts) always runs it. */
        enabled: flag.default(false),
        couchdbUrl: z.url({ protocol: /^https?$/ }).default(STACK_DEFAULTS.couchdbUrl),
        database: z.string().regex(/^[a-z][a-z0-9_$()+/-]*$/, 'a CouchDB database name').default('support_tickets'),
        topic: z.string().regex(/^[A-Za-z0-9._-]+$/, 'a Kafka topic name').default('support.tickets'),
        deadLetterTopic: z.string().regex(/^[A-Za-z0-9._-]+$/, 'a Kafka topic name').default('cs.deadletter'),
        /** Changes per Kafka batch and checkpoint (at most this many are republished after a crash). */
        batchSize: z.coerce.number().int().min(1).max(10_000).default(500),
        /** /metrics and /health of the standalone process; port 0 turns them off. */
        metricsHost: z.string().min(1).default('127.0.0.1'),
        metricsPort: z.coerce.number().int().min(0).max(65535).default(9465),
      })
      .prefault({}),
    /**
     * SLA targets and the at-risk window (backend/services/slaMetrics.ts defines the metrics).
     * Defaults, per priority — first response: 5 min for every priority (seed 002's alert);
     * next response: URGENT 10 min, HIGH 15 min, NORMAL 30 min, LOW 60 min;
     * resolution: URGENT 4 h, HIGH 8 h, NORMAL 24 h, LOW 72 h.
     * At risk ("breaches in N minutes"): first response 2 min, next response 5 min, resolution 60 min before the deadline.
     */
    sla: z
      .object({
        /** Per priority, lower-case so the environment can set them (CS360_SLA__TARGETS__HIGH__FIRST_RESPONSE_SECONDS=120). */
        targets: z
          .object({
            urgent: slaTarget(300, 600, 4 * 3600),
            high: slaTarget(300, 900, 8 * 3600),
            normal: slaTarget(300, 1800, 24 * 3600),
            low: slaTarget(300, 3600, 72 * 3600),
          })
          .prefault({}),
        atRiskMinutes: z
          .object({
            firstResponse: z.coerce.number().min(0).max(24 * 60).default(2),
            nextResponse: z.coerce.number().min(0).max(24 * 60).default(5),
            resolution: z.coerce.number().min(0).max(7 * 24 * 60).default(60),
          })
          .prefault({}),
        /**
         * Prometheus alert SupportBacklogHigh fires when more open tickets than this wait on an agent
         * (exported as support_backlog_alert_threshold; stack/prometheus/alerts.yml).
         */
        backlogAlertThreshold: z.coerce.number().int().min(1).default(50),
        /** Hours and days of the SLA reports are local to this offset (Vietnam: +420, no daylight saving). */
        utcOffsetMinutes: z.coerce.number().int().min(-12 * 60).max(14 * 60).default(420),
      })
      .prefault({}),
    log: z
      .object({
        level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
        /** The JSON log file; default `<dataDir>/logs/backend.log` (backend/logger.ts). */
        file: z.string().optional(),
        /**
         * What stdout carries. `auto`: words for a person (mode, progress, URL, warnings) when it is a
         * terminal, the JSON log otherwise (the desktop shell, CI, a log collector). `json`: always the
         * JSON log. `human`: always words.
         */
        console: z.enum(['auto', 'human', 'json']).default('auto'),
      })
      .prefault({}),
  })
  .strict();

export type AppConfig = z.infer<typeof configSchema>;

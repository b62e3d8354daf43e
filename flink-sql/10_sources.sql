-- Normalising job: every source system's change stream → the common event envelope
-- (common/events.ts) on the unified topic cs.events, keyed by customer so a customer's events stay
-- in order. 20_customer_case.sql reads cs.events (plus support.tickets, which the CouchDB changes
-- worker already publishes as envelopes). A record that cannot be mapped goes to cs.deadletter
-- with the reason; the job keeps running.
--
-- Event ids are derived from the source row, so a re-snapshot or a redelivery gives the same id
-- and the customer-case job drops it as a duplicate.

SET 'pipeline.name' = 'cs360-sources${PIPELINE_SUFFIX}';
SET 'table.local-time-zone' = 'UTC';
SET 'execution.checkpointing.interval' = '30 s';
SET 'execution.checkpointing.externalized-checkpoint-retention' = 'RETAIN_ON_CANCELLATION';
SET 'parallelism.default' = '1';

CREATE TEMPORARY FUNCTION ISO_TO_MS AS 'com.cs360.flink.IsoTime$IsoToMs';
CREATE TEMPORARY FUNCTION MS_TO_ISO AS 'com.cs360.flink.IsoTime$MsToIso';

-- Debezium JSON, read raw: with or without the converter's schema wrapper ($.payload.…), so a
-- malformed change can be dead-lettered instead of failing (or silently skipping in) the format.
CREATE TEMPORARY TABLE orders_cdc (`raw` STRING) WITH (
  'connector' = 'kafka',
  'topic' = 'orders_cdc${TOPIC_SUFFIX}',
  'properties.bootstrap.servers' = '${KAFKA_BOOTSTRAP}',
  'properties.group.id' = 'cs360-flink-sources${PIPELINE_SUFFIX}',
  'scan.startup.mode' = 'group-offsets',
  'properties.auto.offset.reset' = 'earliest',
  'format' = 'raw'
);

-- The same raw Kafka source on another topic (LIKE copies the columns and options; 'topic' overrides).
CREATE TEMPORARY TABLE payments_cdc WITH ('topic' = 'payments_cdc${TOPIC_SUFFIX}') LIKE orders_cdc;

-- Debezium's support-cdc connector (stack/debezium/support-cdc.json).
CREATE TEMPORARY TABLE support_notes_cdc WITH ('topic' = '${SUPPORT_NOTES_TOPIC}') LIKE orders_cdc;

-- Carriers' status files, dropped into the object store (no header line), read incrementally.
CREATE TEMPORARY TABLE logistics_files (
  `event_id` STRING,
  `shipment_id` STRING,
  `order_id` STRING,
  `customer_id` STRING,
  `carrier` STRING,
  `status` STRING,
  `tracking_no` STRING,
  `event_time` STRING,
  `file` STRING NOT NULL METADATA FROM 'file.path' VIRTUAL
) WITH (
  'connector' = 'filesystem',
  'path' = '${LOGISTICS_PATH}',
  'format' = 'csv',
  'csv.ignore-parse-errors' = 'true',
  'source.monitor-interval' = '10 s'
);

CREATE TEMPORARY TABLE unified_events (
  `customer_id` STRING,
  `envelope` STRING
) WITH (
  'connector' = 'kafka',
  'topic' = 'cs.events${TOPIC_SUFFIX}',
  'properties.bootstrap.servers' = '${KAFKA_BOOTSTRAP}',
  'key.format' = 'raw',
  'key.fields' = 'customer_id',
  'value.format' = 'raw',
  'value.fields-include' = 'EXCEPT_KEY',
  'sink.delivery-guarantee' = 'at-least-once'
);

CREATE TEMPORARY TABLE dead_letters (
  `topic` STRING,
  `reason` STRING,
  `record` STRING,
  `at` BIGINT
) WITH (
  'connector' = 'kafka',
  'topic' = 'cs.deadletter${TOPIC_SUFFIX}',
  'properties.bootstrap.servers' = '${KAFKA_BOOTSTRAP}',
  'format' = 'json',
  'sink.delivery-guarantee' = 'at-least-once'
);

-- ---------------------------------------------------------------------------------------------
-- orders (MariaDB ecommerce.orders via orders-mysql-connector): insert or snapshot → order.created;
-- an update that changes the status → order.status.changed. DATETIME(3) arrives as epoch ms.
CREATE TEMPORARY VIEW order_changes AS
SELECT `raw`,
       COALESCE(JSON_VALUE(`raw`, '$.op'), JSON_VALUE(`raw`, '$.payload.op')) AS op,
       COALESCE(JSON_VALUE(`raw`, '$.after.order_id'), JSON_VALUE(`raw`, '$.payload.after.order_id')) AS order_id,
       COALESCE(JSON_VALUE(`raw`, '$.after.customer_id'), JSON_VALUE(`raw`, '$.payload.after.customer_id')) AS customer_id,
       COALESCE(JSON_VALUE(`raw`, '$.after.status'), JSON_VALUE(`raw`, '$.payload.after.status')) AS status,
       COALESCE(JSON_VALUE(`raw`, '$.before.status'), JSON_VALUE(`raw`, '$.payload.before.status')) AS old_status,
       COALESCE(JSON_VALUE(`raw`, '$.after.total_vnd'), JSON_VALUE(`raw`, '$.payload.after.total_vnd')) AS total_vnd,
       COALESCE(JSON_VALUE(`raw`, '$.after.item_count'), JSON_VALUE(`raw`, '$.payload.after.item_count')) AS item_count,
       COALESCE(JSON_VALUE(`raw`, '$.after.channel'), JSON_VALUE(`raw`, '$.payload.after.channel')) AS channel,
       COALESCE(TRY_CAST(JSON_VALUE(`raw`, '$.after.created_at') AS BIGINT), TRY_CAST(JSON_VALUE(`raw`, '$.payload.after.created_at') AS BIGINT)) AS created_ms,
       COALESCE(TRY_CAST(JSON_VALUE(`raw`, '$.after.updated_at') AS BIGINT), TRY_CAST(JSON_VALUE(`raw`, '$.payload.after.updated_at') AS BIGINT)) AS updated_ms
FROM orders_cdc;

CREATE TEMPORARY VIEW order_checked AS
SELECT *,
       CASE
         WHEN NOT (`raw` IS JSON OBJECT) THEN 'event: not a JSON object'
         WHEN op IS NULL THEN 'op: missing (not a Debezium change event)'
         WHEN op = 'd' THEN NULL
         WHEN order_id IS NULL THEN 'after.order_id: missing'
         WHEN customer_id IS NULL THEN 'after.customer_id: missing'
         WHEN status IS NULL THEN 'after.status: missing'
         WHEN op IN ('c', 'r') AND created_ms IS NULL THEN 'after.created_at: missing or not epoch ms'
         WHEN op = 'u' AND updated_ms IS NULL THEN 'after.updated_at: missing or not epoch ms'
         ELSE NULL
       END AS error
FROM order_changes;

-- ---------------------------------------------------------------------------------------------
-- payments (payments_cdc, Debezium JSON of a payments table): each status is its own event.
CREATE TEMPORARY VIEW payment_changes AS
SELECT `raw`,
       COALESCE(JSON_VALUE(`raw`, '$.op'), JSON_VALUE(`raw`, '$.payload.op')) AS op,
       COALESCE(JSON_VALUE(`raw`, '$.after.payment_id'), JSON_VALUE(`raw`, '$.payload.after.payment_id')) AS payment_id,
       COALESCE(JSON_VALUE(`raw`, '$.after.order_id'), JSON_VALUE(`raw`, '$.payload.after.order_id')) AS order_id,
       COALESCE(JSON_VALUE(`raw`, '$.after.customer_id'), JSON_VALUE(`raw`, '$.payload.after.customer_id')) AS customer_id,
       UPPER(COALESCE(JSON_VALUE(`raw`, '$.after.status'), JSON_VALUE(`raw`, '$.payload.after.status'))) AS status,
       COALESCE(JSON_VALUE(`raw`, '$.before.status'), JSON_VALUE(`raw`, '$.payload.before.status')) AS old_status,
       COALESCE(JSON_VALUE(`raw`, '$.after.amount_vnd'), JSON_VALUE(`raw`, '$.payload.after.amount_vnd')) AS amount_vnd,
       COALESCE(JSON_VALUE(`raw`, '$.after.method'), JSON_VALUE(`raw`, '$.payload.after.method')) AS `method`,
       COALESCE(TRY_CAST(JSON_VALUE(`raw`, '$.after.updated_at') AS BIGINT), TRY_CAST(JSON_VALUE(`raw`, '$.payload.after.updated_at') AS BIGINT)) AS updated_ms
FROM payments_cdc;

CREATE TEMPORARY VIEW payment_checked AS
SELECT *,
       CASE
         WHEN NOT (`raw` IS JSON OBJECT) THEN 'event: not a JSON object'
         WHEN op IS NULL THEN 'op: missing (not a Debezium change event)'
         WHEN op = 'd' THEN NULL
         WHEN payment_id IS NULL THEN 'after.payment_id: missing'
         WHEN customer_id IS NULL THEN 'after.customer_id: missing'
         WHEN order_id IS NULL THEN 'after.order_id: missing'
         WHEN status IS NULL OR status NOT IN ('AUTHORIZED', 'CAPTURED', 'FAILED', 'REFUNDED', 'PENDING') THEN CONCAT('after.status: unknown payment status ', COALESCE(status, 'null'))
         WHEN updated_ms IS NULL THEN 'after.updated_at: missing or not epoch ms'
         ELSE NULL
       END AS error
FROM payment_changes;

-- ---------------------------------------------------------------------------------------------
-- support notes (PostgreSQL support_notes via support-cdc): an inserted note → note.added.
-- created_at is TIMESTAMPTZ, which Debezium sends as an ISO-8601 string.
CREATE TEMPORARY VIEW note_changes AS
SELECT `raw`,
       COALESCE(JSON_VALUE(`raw`, '$.op'), JSON_VALUE(`raw`, '$.payload.op')) AS op,
       COALESCE(JSON_VALUE(`raw`, '$.after.note_id'), JSON_VALUE(`raw`, '$.payload.after.note_id')) AS note_id,
       COALESCE(JSON_VALUE(`raw`, '$.after.customer_id'), JSON_VALUE(`raw`, '$.payload.after.customer_id')) AS customer_id,
       COALESCE(JSON_VALUE(`raw`, '$.after.ticket_id'), JSON_VALUE(`raw`, '$.payload.after.ticket_id')) AS ticket_id,
       COALESCE(JSON_VALUE(`raw`, '$.after.agent_id'), JSON_VALUE(`raw`, '$.payload.after.agent_id')) AS agent_id,
       COALESCE(JSON_VALUE(`raw`, '$.after.body'), JSON_VALUE(`raw`, '$.payload.after.body')) AS body,
       ISO_TO_MS(COALESCE(JSON_VALUE(`raw`, '$.after.created_at'), JSON_VALUE(`raw`, '$.payload.after.created_at'))) AS created_ms
FROM support_notes_cdc;

CREATE TEMPORARY VIEW note_checked AS
SELECT *,
       CASE
         WHEN NOT (`raw` IS JSON OBJECT) THEN 'event: not a JSON object'
         WHEN op IS NULL THEN 'op: missing (not a Debezium change event)'
         WHEN op NOT IN ('c', 'r') THEN NULL
         WHEN note_id IS NULL THEN 'after.note_id: missing'
         WHEN customer_id IS NULL THEN 'after.customer_id: missing'
         WHEN agent_id IS NULL THEN 'after.agent_id: missing'
         WHEN body IS NULL THEN 'after.body: missing'
         WHEN created_ms IS NULL THEN 'after.created_at: missing or not an ISO-8601 instant'
         ELSE NULL
       END AS error
FROM note_changes;

-- ---------------------------------------------------------------------------------------------
CREATE TEMPORARY VIEW logistics_checked AS
SELECT *, ISO_TO_MS(event_time) AS event_ms,
       CASE
         WHEN event_id IS NULL OR event_id = '' THEN 'event_id: missing'
         WHEN customer_id IS NULL OR customer_id = '' THEN 'customer_id: missing'
         WHEN shipment_id IS NULL OR order_id IS NULL OR carrier IS NULL OR status IS NULL THEN 'shipment_id, order_id, carrier and status are required'
         WHEN ISO_TO_MS(event_time) IS NULL THEN CONCAT('event_time: not an ISO-8601 instant (', COALESCE(event_time, 'null'), ')')
         ELSE NULL
       END AS error
FROM logistics_files;

EXECUTE STATEMENT SET
BEGIN

INSERT INTO unified_events
SELECT customer_id, JSON_OBJECT(
  'id' VALUE CONCAT('orders_cdc:', order_id, ':created'),
  'type' VALUE 'order.created',
  'customer_id' VALUE customer_id,
  'event_time' VALUE MS_TO_ISO(created_ms),
  'source' VALUE 'orders_cdc',
  'payload' VALUE JSON_OBJECT('order_id' VALUE order_id, 'status' VALUE status, 'total_vnd' VALUE COALESCE(total_vnd, '0'),
                              'item_count' VALUE item_count, 'channel' VALUE channel ABSENT ON NULL),
  'schema_version' VALUE 1)
FROM order_checked WHERE error IS NULL AND op IN ('c', 'r');

INSERT INTO unified_events
SELECT customer_id, JSON_OBJECT(
  'id' VALUE CONCAT('orders_cdc:', order_id, ':', status, ':', CAST(updated_ms AS STRING)),
  'type' VALUE 'order.status.changed',
  'customer_id' VALUE customer_id,
  'event_time' VALUE MS_TO_ISO(updated_ms),
  'source' VALUE 'orders_cdc',
  'payload' VALUE JSON_OBJECT('order_id' VALUE order_id, 'status' VALUE status, 'previous_status' VALUE old_status, 'total_vnd' VALUE total_vnd ABSENT ON NULL),
  'schema_version' VALUE 1)
FROM order_checked WHERE error IS NULL AND op = 'u' AND status IS DISTINCT FROM old_status;

INSERT INTO unified_events
SELECT customer_id, JSON_OBJECT(
  'id' VALUE CONCAT('payments_cdc:', payment_id, ':', status),
  'type' VALUE CONCAT('payment.', LOWER(status)),
  'customer_id' VALUE customer_id,
  'event_time' VALUE MS_TO_ISO(updated_ms),
  'source' VALUE 'payments_cdc',
  'payload' VALUE JSON_OBJECT('payment_id' VALUE payment_id, 'order_id' VALUE order_id, 'status' VALUE status,
                              'amount_vnd' VALUE COALESCE(amount_vnd, '0'), 'method' VALUE `method` ABSENT ON NULL),
  'schema_version' VALUE 1)
FROM payment_checked
WHERE error IS NULL AND op IN ('c', 'r', 'u') AND status <> 'PENDING' AND status IS DISTINCT FROM old_status;

INSERT INTO unified_events
SELECT customer_id, JSON_OBJECT(
  'id' VALUE CONCAT('support_notes:', note_id),
  'type' VALUE 'note.added',
  'customer_id' VALUE customer_id,
  'event_time' VALUE MS_TO_ISO(created_ms),
  'source' VALUE 'support_notes',
  'payload' VALUE JSON_OBJECT('note_id' VALUE note_id, 'agent_id' VALUE agent_id, 'body' VALUE body, 'ticket_id' VALUE ticket_id ABSENT ON NULL),
  'schema_version' VALUE 1)
FROM note_checked WHERE error IS NULL AND op IN ('c', 'r');

INSERT INTO unified_events
SELECT customer_id, JSON_OBJECT(
  'id' VALUE CONCAT('logistics:', event_id),
  'type' VALUE 'shipment.status.changed',
  'customer_id' VALUE customer_id,
  'event_time' VALUE MS_TO_ISO(event_ms),
  'source' VALUE 'logistics',
  'payload' VALUE JSON_OBJECT('shipment_id' VALUE shipment_id, 'order_id' VALUE order_id, 'carrier' VALUE carrier,
                              'status' VALUE status, 'tracking_no' VALUE NULLIF(tracking_no, '') ABSENT ON NULL),
  'schema_version' VALUE 1)
FROM logistics_checked WHERE error IS NULL;

INSERT INTO dead_letters
SELECT 'orders_cdc${TOPIC_SUFFIX}', error, `raw`, UNIX_TIMESTAMP() * 1000 FROM order_checked WHERE error IS NOT NULL
UNION ALL
SELECT 'payments_cdc${TOPIC_SUFFIX}', error, `raw`, UNIX_TIMESTAMP() * 1000 FROM payment_checked WHERE error IS NOT NULL
UNION ALL
SELECT '${SUPPORT_NOTES_TOPIC}', error, `raw`, UNIX_TIMESTAMP() * 1000 FROM note_checked WHERE error IS NOT NULL
UNION ALL
SELECT 'logistics', CONCAT(error, ' in ', `file`), CONCAT_WS(',', event_id, shipment_id, order_id, customer_id, carrier, status, tracking_no, event_time), UNIX_TIMESTAMP() * 1000
FROM logistics_checked WHERE error IS NOT NULL;

END;

-- The orders source of seed 003 §2.1 (captured by stack/debezium/orders-mysql-connector.json into
-- Kafka orders_cdc / order_items_cdc). Idempotent: the runner applies it at every start
-- (stack/runner/mariadb.ts); compose runs it once as an init script of the mysql container.
-- Times are UTC (stack/mariadb/my.cnf sets default_time_zone); money is whole VND.
CREATE DATABASE IF NOT EXISTS ecommerce CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS ecommerce.orders (
  order_id       VARCHAR(20)  NOT NULL PRIMARY KEY,
  customer_id    VARCHAR(8)   NOT NULL,          -- C + 7 digits (common/events.ts)
  status         VARCHAR(20)  NOT NULL,          -- PENDING, PAID, SHIPPED, DELIVERED, CANCELLED, ...
  total_vnd      BIGINT       NOT NULL,
  item_count     INT          NULL,
  channel        VARCHAR(20)  NULL,              -- web, app, ...
  payment_method VARCHAR(20)  NULL,              -- COD, CARD, MOMO, ... (order.created carries it)
  created_at     DATETIME(3)  NOT NULL,
  updated_at     DATETIME(3)  NOT NULL,
  KEY orders_by_customer (customer_id, created_at)
) ENGINE = InnoDB;

CREATE TABLE IF NOT EXISTS ecommerce.order_items (
  order_id  VARCHAR(20)  NOT NULL,
  line_no   INT          NOT NULL,
  sku       VARCHAR(40)  NOT NULL,
  name      VARCHAR(200) NOT NULL,
  qty       INT          NOT NULL,
  price_vnd BIGINT       NOT NULL,               -- unit price
  PRIMARY KEY (order_id, line_no),
  CONSTRAINT order_items_order FOREIGN KEY (order_id) REFERENCES ecommerce.orders (order_id)
) ENGINE = InnoDB;

-- Debezium's account: read everything (snapshot), read the binlog as a replica, find its position.
-- REPLICATION CLIENT is BINLOG MONITOR on MariaDB ≥ 10.5 (SHOW MASTER STATUS, SHOW BINARY LOGS).
-- Local development credentials only.
CREATE USER IF NOT EXISTS 'debezium'@'%' IDENTIFIED BY 'debezium';
GRANT SELECT, RELOAD, SHOW DATABASES, LOCK TABLES, REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO 'debezium'@'%';

-- The writer (order service stand-in, tests). Local development credentials only.
CREATE USER IF NOT EXISTS 'cs360'@'%' IDENTIFIED BY 'cs360-dev-only';
GRANT SELECT, INSERT, UPDATE, DELETE ON ecommerce.* TO 'cs360'@'%';

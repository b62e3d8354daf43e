// The engines the no-Docker runner starts, in this order (each waits for the ones before it). Each
// engine is one file: install (Debian, Maven Central, PyPI or the Go proxy; cached), start on
// 127.0.0.1, a real readiness probe, setup after start, and a stop that touches only its own pid.
import { cassandra } from './cassandra';
import { connect } from './connect';
import { couchdb } from './couchdb';
import { flink } from './flink';
import { kafka } from './kafka';
import { mariadb } from './mariadb';
import { nessie } from './nessie';
import { postgres } from './postgres';
import { redis } from './redis';
import { s3 } from './s3';
import type { Service } from './service';
import { trino } from './trino';

export const SERVICES: Service[] = [postgres, redis, kafka, cassandra, s3, nessie, trino, mariadb, connect, flink, couchdb];

/// <reference types="pouchdb-node" />
import { createRequire } from 'node:module';

/**
 * PouchDB 9's Node build (LevelDB, HTTP, replication), typed by @types/pouchdb-node (the package ships
 * no types). Loaded through require: it is CommonJS, and this keeps one typed entry for every caller.
 */
const require = createRequire(import.meta.url);
const PouchDB = require('pouchdb') as PouchDB.Static;
export default PouchDB;

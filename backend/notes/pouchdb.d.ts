/// <reference types="pouchdb-node" />

// PouchDB 9's Node build (LevelDB + HTTP + replication) has the API @types/pouchdb-node describes.
declare module 'pouchdb' {
  const PouchDB: PouchDB.Static;
  export default PouchDB;
}

import { caseStoreContract } from '../../ports/contracts/caseStoreContract';
import { cacheContract } from '../../ports/contracts/cacheContract';
import { eventBusContract } from '../../ports/contracts/eventBusContract';
import { historyStoreContract } from '../../ports/contracts/historyStoreContract';
import { ticketStoreContract } from '../../ports/contracts/ticketStoreContract';
import { InProcessBus } from './inProcessBus';
import { LruCache } from './lruCache';
import { openPgliteTicketStore } from './pgliteTicketStore';
import { openServingDb } from './servingDb';
import { SqliteCaseStore } from './sqliteCaseStore';
import { SqliteHistoryStore } from './sqliteHistoryStore';

// Embedded adapters against the port contracts; the stack adapters run the same suites in `npm run test:stack`.
caseStoreContract('SQLite', async () => {
  const db = openServingDb(':memory:');
  return { store: new SqliteCaseStore(db), close: async () => void db.close() };
});

historyStoreContract('SQLite', async () => {
  const db = openServingDb(':memory:');
  const store = new SqliteHistoryStore(db);
  return { store, load: (rows) => store.appendTimeline(rows), close: async () => void db.close() };
});

ticketStoreContract('PGlite', async () => openPgliteTicketStore(null));

eventBusContract('in-process bus', async () => new InProcessBus());

cacheContract('LRU', async () => new LruCache());

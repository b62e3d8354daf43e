import { analyticsStoreContract } from '../../ports/contracts/analyticsStoreContract';
import { caseStoreContract } from '../../ports/contracts/caseStoreContract';
import { cacheContract } from '../../ports/contracts/cacheContract';
import { eventBusContract } from '../../ports/contracts/eventBusContract';
import { historyStoreContract } from '../../ports/contracts/historyStoreContract';
import { ticketStoreContract } from '../../ports/contracts/ticketStoreContract';
import { InProcessBus } from './inProcessBus';
import { LruCache } from '../local/lruCache';
import { openPgliteTicketStore } from './pgliteTicketStore';
import { openServingDb } from '../local/servingDb';
import { SqliteCaseStore } from './sqliteCaseStore';
import { SqlAnalyticsStore } from '../sql/sqlAnalyticsStore';
import { SqliteAnalyticsStore } from './sqliteAnalyticsStore';
import { SqliteHistoryStore } from '../local/sqliteHistoryStore';

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

// Embedded mode's analytics engine: the SQLite replica fed from PGlite; and PGlite read directly (the stack adapter's SQL).
analyticsStoreContract('SQLite replica of PGlite', async () => {
  const pg = openPgliteTicketStore(null);
  const db = openServingDb(':memory:');
  return { store: new SqliteAnalyticsStore(db, pg.client), tickets: pg.store, close: async () => (db.close(), pg.close()) };
});
analyticsStoreContract('PGlite', async () => {
  const pg = openPgliteTicketStore(null);
  return { store: new SqlAnalyticsStore(pg.client), tickets: pg.store, close: pg.close };
});

eventBusContract('in-process bus', async () => new InProcessBus());

cacheContract('LRU', async () => new LruCache());

/** Demo data: a reproducible Vietnamese e-commerce history and a live trickle of new events. */
export { generateDemo, type DemoBatch, type DemoOptions } from './generateDemo';
export { demoAgents } from './agents';
export { LiveTrickle } from './liveTrickle';
export { normalizeCustomer, type RawCustomer } from './customers';
export { demoUuid } from './demoIds';

import type { AppConfig } from '../../config/schema';
import type { CspSources } from './headers';

/**
 * The origins the console reaches besides the backend, from config: in stack mode the object store
 * (its public endpoint when browsers reach it under another name) and CouchDB. An `objects` section,
 * when config has one, names the object store instead.
 */
export function cspSourcesFromConfig(config: AppConfig): CspSources {
  const objects = (config as { objects?: { publicEndpoint?: unknown; endpoint?: unknown; publicUrl?: unknown } }).objects;
  const fromObjects = [objects?.publicUrl, objects?.publicEndpoint, objects?.endpoint].find((v): v is string => typeof v === 'string');
  if (config.mode !== 'stack') return fromObjects ? { objectStoreOrigin: fromObjects } : {};
  return {
    objectStoreOrigin: fromObjects ?? config.stack.s3.publicEndpoint ?? config.stack.s3.endpoint,
    couchdbOrigin: config.stack.couchdb.url,
  };
}

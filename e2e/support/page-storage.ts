// What the plugin's IndexedDB database holds, read in the page without creating it: a page that never
// stored anything must not end up with the database because a test looked.
import type { Page } from '@playwright/test';

export interface StoredOutbox {
  /** Whether the database `videojs-media-collection` exists at all. */
  exists: boolean;
  /** Events and session records in it (the key counter is not data about anyone). */
  entries: number;
}

export function storedOutbox(page: Page): Promise<StoredOutbox> {
  return page.evaluate(async () => {
    const name = 'videojs-media-collection';
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes(name)) return { exists: false, entries: 0 };
    return new Promise<StoredOutbox>((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('outbox')) {
          db.close();
          resolve({ exists: true, entries: 0 });
          return;
        }
        const keys = db.transaction('outbox').objectStore('outbox').getAllKeys();
        keys.onerror = () => reject(keys.error);
        keys.onsuccess = () => {
          db.close();
          resolve({ exists: true, entries: keys.result.filter((k) => k !== 'outbox:next-key').length });
        };
      };
    });
  });
}

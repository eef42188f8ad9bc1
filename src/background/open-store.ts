/**
 * Open the store for the worker, telling the user when a schema upgrade is blocked by
 * another open connection (an old tab of an extension page that did not close it): the
 * toolbar button says so until the upgrade can go ahead. Nothing is lost meanwhile; the
 * upgrade runs as soon as the other connection closes.
 */
import browser from 'webextension-polyfill';
import { openDb, type ProvenanceDB } from '../store/db';
import { t } from '../shared/i18n';
import { startClock } from './start-clock';
import { watchWrites } from './write-epoch';

let blocked = false;

async function setBlocked(on: boolean): Promise<void> {
  if (on === blocked) return;
  blocked = on;
  try {
    await browser.action.setTitle({ title: on ? t('bg_blocked') : t('extName') });
    await browser.action.setBadgeText({ text: on ? '…' : '' });
  } catch {
    // No action API (tests in other contexts): nothing to show.
  }
}

export function openStore(name?: string): ProvenanceDB {
  const db = openDb(name);
  // Before it opens: the lookup keeps what it read while nothing is written (write-epoch.ts).
  watchWrites(db);
  db.on('blocked', () => void setBlocked(true));
  db.on('ready', () => {
    startClock.opened ||= performance.now();
    void setBlocked(false);
  });
  return db;
}

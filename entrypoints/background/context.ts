import { browser } from 'wxt/browser';
import { openDb } from '../../lib/store/db';
import type { StoreContext } from '../../lib/store/context';
import { ensureSeeded } from '../../lib/store/seed';
import { LOCAL_SCOPE, dbNameFor, parseScope, type Scope } from '../../lib/sync/scope';

const LOCAL = 'local';
const SCOPE_KEY = 'scope';

// Every request asks which store it works in; reading storage for it each time added a storage round
// trip to every search keystroke. The answer is kept for the worker's lifetime: the background is the
// only writer (writeScope), and any other change to the key (a devtools edit, a test) drops the copy.
let scopeCache: Promise<Scope> | null = null;
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && SCOPE_KEY in changes) scopeCache = null;
});

export function readScope(): Promise<Scope> {
  if (!scopeCache) {
    const read = browser.storage.local.get(SCOPE_KEY).then((got) => parseScope(got[SCOPE_KEY]));
    read.catch(() => {
      if (scopeCache === read) scopeCache = null;
    });
    scopeCache = read;
  }
  return scopeCache;
}

export async function writeScope(scope: Scope): Promise<void> {
  scopeCache = null;
  await browser.storage.local.set({ [SCOPE_KEY]: scope });
  scopeCache = Promise.resolve(parseScope(scope));
}

async function nodeId(): Promise<string> {
  const stored = await browser.storage.local.get('nodeId');
  let id = typeof stored.nodeId === 'string' ? stored.nodeId : '';
  if (!id) {
    id = crypto.randomUUID().slice(0, 8);
    await browser.storage.local.set({ nodeId: id });
  }
  return id;
}

// The device's id never changes once made: read once per worker lifetime, beside the scope (a worker
// woken by the side panel waited for the two storage reads one after the other).
let nodeIdRead: Promise<string> | null = null;
function nodeIdOnce(): Promise<string> {
  if (!nodeIdRead) {
    const read = nodeId();
    read.catch(() => {
      if (nodeIdRead === read) nodeIdRead = null;
    });
    nodeIdRead = read;
  }
  return nodeIdRead;
}

const contexts = new Map<string, Promise<StoreContext>>();

/**
 * The store of one scope. The worker may be stopped at any moment; everything is re-read from
 * storage on wake, and this map only caches opened databases for one worker lifetime.
 */
export function contextFor(scope: Scope): Promise<StoreContext> {
  const name = dbNameFor(scope);
  let pending = contexts.get(name);
  if (!pending) {
    pending = (async () => {
      const ctx: StoreContext = {
        db: openDb(name),
        now: () => Date.now(),
        newId: () => crypto.randomUUID(),
        userId: scope.mode === 'team' ? scope.userId : LOCAL,
        teamId: scope.mode === 'team' ? scope.teamId : LOCAL,
        nodeId: await nodeIdOnce(),
      };
      // A team's stages come from the team (pulled before the scope is switched), never seeded here.
      if (scope.mode === 'local') await ensureSeeded(ctx);
      return ctx;
    })();
    pending.catch(() => contexts.delete(name));
    contexts.set(name, pending);
  }
  return pending;
}

/** The store the rep is working in now. */
export async function storeContext(): Promise<StoreContext> {
  const [scope] = await Promise.all([readScope(), nodeIdOnce()]);
  return contextFor(scope);
}

export function localContext(): Promise<StoreContext> {
  return contextFor(LOCAL_SCOPE);
}

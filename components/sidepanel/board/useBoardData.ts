import { useEffect, useRef, useState } from 'preact/hooks';
import type { BoardReply, BoardView } from '../../../lib/messaging/board-types';
import { EMPTY_FILTER, type BoardFilter } from '../../../lib/pipeline/board';
import { unpackCards, type PackedCards } from '../../../lib/pipeline/board-pack';
import type { ColumnSummary } from '../../../lib/pipeline/board-preview';
import { send } from '../../shared/api';
import { useStoreVersion } from '../../shared/useStoreVersion';
import { earlyOr, takeSettled } from '../early';
import { boardRequested } from './filter-state';
import { previewKey, previewRequest } from './first-request';

export type BoardPreviewView = BoardView & { preview: { columns: ColumnSummary[]; shown: number; total: number } };

// A panel opened straight on the board sent the unfiltered preview from its first script
// (entrypoints/sidepanel/main.tsx); the board's first preview request takes that answer when it is for
// the same filter and nothing changed since (../early.ts).
const askPreview = (filter: BoardFilter): Promise<BoardReply> =>
  earlyOr(previewKey(filter), () => send(previewRequest(filter)));

// A panel opened on another view warms the background's card cache once it is idle: the first board
// after the worker started otherwise waits for a read of every prospect (see board-cache.ts).
const WARM_AFTER_MS = 1500;
if (!boardRequested(location.search)) {
  setTimeout(() => {
    const warm = () => void send({ type: 'board', preview: { filter: EMPTY_FILTER, perColumn: 1 } }).catch(() => undefined);
    if ('requestIdleCallback' in window) requestIdleCallback(warm, { timeout: 5000 });
    else warm();
  }, WARM_AFTER_MS);
}

function unpack(reply: BoardReply): BoardView {
  return { ...reply, cards: unpackCards(JSON.parse(reply.cards) as PackedCards, reply.stages, reply.owners, reply.asOf) };
}

/**
 * The board's data in two steps. First a preview (each column's totals under the rep's filter and its
 * first cards), which shows the board at once; then every card, after which filtering happens in the
 * panel. The full set is re-read whenever the store changes; the previous one stays on screen
 * meanwhile, and a reply that arrives after a newer one is dropped.
 */
export function useBoardData(filter: BoardFilter): {
  full: BoardView | null;
  preview: BoardPreviewView | null;
  error: string | null;
  setFull: (update: (v: BoardView) => BoardView) => void;
} {
  const [full, setFullState] = useState<BoardView | null>(null);
  // The preview the panel's first script asked for (../early.ts), when it is already in: the board's
  // first frame shows cards. The full set is read right after in any case, so a change made before
  // this view listened for changes is still shown.
  const [preview, setPreview] = useState<BoardPreviewView | null>(() => {
    const reply = takeSettled<BoardReply>(previewKey(filter));
    return reply?.preview ? { ...unpack(reply), preview: reply.preview } : null;
  });
  const openedWithPreview = useRef(preview !== null);
  const [previewDone, setPreviewDone] = useState(openedWithPreview.current);
  const [error, setError] = useState<string | null>(null);
  const version = useStoreVersion();
  const previewTicket = useRef(0);
  const fullTicket = useRef(0);

  const hasFull = full !== null;
  useEffect(() => {
    if (hasFull) return setPreview(null);
    if (openedWithPreview.current) return void (openedWithPreview.current = false);
    const ticket = ++previewTicket.current;
    askPreview(filter)
      .then(
        (reply) => {
          if (ticket !== previewTicket.current || !reply.preview) return;
          setPreview({ ...unpack(reply), preview: reply.preview });
          setError(null);
        },
        (e: Error) => ticket === previewTicket.current && setError(e.message),
      )
      .finally(() => setPreviewDone(true));
  }, [filter, version, hasFull]);

  // The full set waits for the preview, so the two never compete for the worker or the wire.
  useEffect(() => {
    if (!previewDone) return;
    const ticket = ++fullTicket.current;
    send({ type: 'board' }).then(
      (reply) => {
        if (ticket !== fullTicket.current) return;
        setFullState(unpack(reply));
        setError(null);
      },
      (e: Error) => ticket === fullTicket.current && setError(e.message),
    );
  }, [version, previewDone]);

  useEffect(
    () => () => {
      previewTicket.current = -1;
      fullTicket.current = -1;
    },
    [],
  );
  return { full, preview, error, setFull: (update) => setFullState((v) => (v ? update(v) : v)) };
}

// Who reacted to a post: the reactions modal opens over the feed, a post page or a profile's activity.
import * as S from '../selectors';
import { readRow, rowsOf } from './row';
import type { SurfaceReader } from './types';

export const reactions: SurfaceReader = {
  surface: 'reactions',
  applies: () => true,
  rows: (doc) => rowsOf(doc, S.REACTION_ROWS),
  read: (row) => readRow('reactions', row, { headline: S.REACTION_HEADLINE }),
};

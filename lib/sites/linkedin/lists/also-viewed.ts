// "People also viewed" (and "More profiles for you") in a profile's side rail. Pages and schools share
// the rail; their rows carry no person link and are skipped by the row reader.
import * as S from '../selectors';
import { readRow, rowsOf } from './row';
import type { SurfaceReader } from './types';

export const alsoViewed: SurfaceReader = {
  surface: 'also-viewed',
  applies: (path) => path.startsWith('/in/'),
  rows: (doc) => rowsOf(doc, S.ALSO_VIEWED_ROWS),
  read: (row) => readRow('also-viewed', row),
};

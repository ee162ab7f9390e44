// People search results (`/search/results/people/`): name, headline, location per row.
import * as S from '../selectors';
import { readRow, rowsOf } from './row';
import type { SurfaceReader } from './types';

export const search: SurfaceReader = {
  surface: 'search',
  applies: (path) => path.startsWith('/search/results/people') || path.startsWith('/search/results/all'),
  rows: (doc) => rowsOf(doc, S.SEARCH_ROWS),
  read: (row) => readRow('search', row, { headline: S.SEARCH_HEADLINE, location: S.SEARCH_LOCATION, withLocation: true }),
};

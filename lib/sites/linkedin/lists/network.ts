// My Network (`/mynetwork/…`): invitations, connections and people you may know; a headline, no location.
import * as S from '../selectors';
import { readRow, rowsOf } from './row';
import type { SurfaceReader } from './types';

export const network: SurfaceReader = {
  surface: 'network',
  applies: (path) => path.startsWith('/mynetwork'),
  rows: (doc) => rowsOf(doc, S.NETWORK_ROWS),
  read: (row) => readRow('network', row, { headline: S.NETWORK_HEADLINE }),
};

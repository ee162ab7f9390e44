// A company's People tab (`/company/<slug>/people/`): name and headline per card. Out-of-network
// members ("LinkedIn Member", no link) have no one to mark.
import * as S from '../selectors';
import { readRow, rowsOf } from './row';
import type { SurfaceReader } from './types';

export const companyPeople: SurfaceReader = {
  surface: 'company-people',
  applies: (path) => /^\/company\/[^/]+\/people/.test(path),
  rows: (doc) => rowsOf(doc, S.COMPANY_PEOPLE_ROWS),
  read: (row) => readRow('company-people', row, { headline: S.COMPANY_PEOPLE_HEADLINE }),
};

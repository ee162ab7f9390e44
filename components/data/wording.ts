// Import and restore problems in the rep's language: the background reports codes, the page words them.
import type { BackupError, BackupTable } from '../../lib/io/export';
import type { FieldChange, FileIssueCode, ImportField, IssueCode } from '../../lib/io/import-plan';
import type { ImportIssueView } from '../../lib/messaging/data-types';
import { t, type MessageKey } from '../shared/i18n';

export const FIELD_NAMES: Record<ImportField, MessageKey> = {
  name: 'importFieldName',
  firstName: 'importFieldFirstName',
  lastName: 'importFieldLastName',
  email: 'fieldEmail',
  linkedinUrl: 'fieldLinkedinUrl',
  title: 'fieldTitle',
  headline: 'fieldHeadline',
  company: 'fieldCompany',
  location: 'fieldLocation',
  source: 'fieldSource',
  stage: 'fieldStage',
  dealValue: 'importFieldDealValue',
  stageDate: 'importFieldStageDate',
  connectedOn: 'importFieldConnectedOn',
  currency: 'importFieldCurrency',
  status: 'importFieldStatus',
};

/** The dry run's field names: the import fields plus the addresses added. */
export const CHANGE_NAMES: Record<FieldChange['field'], MessageKey> = {
  name: 'importFieldName',
  headline: 'fieldHeadline',
  title: 'fieldTitle',
  company: 'fieldCompany',
  location: 'fieldLocation',
  linkedinUrl: 'fieldLinkedinUrl',
  linkedinMemberId: 'importFieldMemberId',
  emails: 'fieldEmail',
  source: 'fieldSource',
  stage: 'fieldStage',
  dealValue: 'importFieldDealValue',
  currency: 'importFieldCurrency',
  connectedOn: 'importFieldConnectedOn',
};

const ISSUES: Record<IssueCode, MessageKey> = {
  'too-many-cells': 'importIssueTooManyCells',
  'too-few-cells': 'importIssueTooFewCells',
  truncated: 'importIssueTruncated',
  'name-missing': 'importIssueNameMissing',
  'name-from-email': 'importIssueNameFromEmail',
  'no-identity': 'importIssueNoIdentity',
  'invalid-email': 'importIssueInvalidEmail',
  'invalid-linkedin-url': 'importIssueInvalidLinkedin',
  'unknown-source': 'importIssueUnknownSource',
  'unknown-stage': 'importIssueUnknownStage',
  'invalid-number': 'importIssueInvalidNumber',
  'negative-value': 'importIssueNegativeValue',
  'identity-conflict': 'importIssueIdentityConflict',
  'matches-several': 'importIssueMatchesSeveral',
  'invalid-date': 'importIssueInvalidDate',
  'ambiguous-date': 'importIssueAmbiguousDate',
  'future-date': 'importIssueFutureDate',
  'stage-date-clamped': 'importIssueStageDateClamped',
  'invalid-currency': 'importIssueInvalidCurrency',
  'unknown-status': 'importIssueUnknownStatus',
  invalid: 'importIssueInvalid',
};

const FILE_ISSUES: Record<FileIssueCode, MessageKey> = {
  'no-rows': 'importFileNoRows',
  'no-name-column': 'importFileNoName',
  'no-identity-column': 'importFileNoIdentity',
  'invalid-mapping': 'importFileBadMapping',
};

/** "Row 2 (line 3), column “Email”" */
export function issueWhere(i: ImportIssueView): string {
  return i.column === null
    ? t('importWhereRow', [String(i.row), String(i.line)])
    : t('importWhereCell', [String(i.row), String(i.line), i.column]);
}

export function issueText(i: ImportIssueView): string {
  return t(ISSUES[i.code]);
}

export function fileIssueText(code: FileIssueCode): string {
  return t(FILE_ISSUES[code]);
}

export function readErrorText(e: { code: 'unterminated-quote' | 'empty-file'; line: number }): string {
  return e.code === 'empty-file' ? t('importEmptyFile') : t('importUnterminatedQuote', String(e.line));
}

export const TABLE_NAMES: Record<BackupTable, MessageKey> = {
  prospects: 'tableProspects',
  followUps: 'tableFollowUps',
  touches: 'tableTouches',
  stages: 'tableStages',
  stageChanges: 'tableStageChanges',
  cadences: 'tableCadences',
  companies: 'tableCompanies',
  outbox: 'tableOutbox',
  meta: 'tableMeta',
};

export function backupErrorText(e: BackupError): string {
  switch (e.code) {
    case 'not-json':
      return t('backupErrNotJson');
    case 'not-a-backup':
      return t('backupErrNotBackup');
    case 'unsupported-version':
      return t('backupErrVersion');
    case 'bad-file':
      return t('backupErrBadFile', e.path ?? '');
    case 'bad-row':
    case 'duplicate-key': {
      const table = e.table ? t(TABLE_NAMES[e.table]) : '';
      const row = String((e.index ?? 0) + 1);
      return e.code === 'bad-row'
        ? t('backupErrBadRow', [table, row, e.path || '—', String(e.problems ?? 1)])
        : t('backupErrDuplicate', [table, row]);
    }
  }
}

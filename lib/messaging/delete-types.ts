// Plain message types of delete, undo, erase and a person's export (no zod here).
import type { DeleteResult, DeleteRights, DeleteToken, PersonExport, UndoResult } from '../store/delete';

export type DeleteRequest =
  | { type: 'deleteProspects'; ids: string[] }
  | { type: 'undoDelete'; token: DeleteToken }
  | { type: 'deleteRights'; id: string }
  | { type: 'erasePeople'; ids: string[] }
  | { type: 'exportPerson'; id: string };

export interface DeleteResponses {
  deleteProspects: DeleteResult;
  undoDelete: UndoResult;
  deleteRights: DeleteRights;
  erasePeople: { erased: number };
  /** The person's data as pretty JSON text, ready to save as a file, and a file name for it. */
  exportPerson: { json: string; fileName: string };
}

export type { DeleteResult, DeleteRights, DeleteToken, UndoResult };

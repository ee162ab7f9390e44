// Plain message types of the board feature (content scripts may import types; no zod here).
export type BoardRequest = { type: 'boardPing' };

export interface BoardResponses {
  boardPing: { ok: true };
}

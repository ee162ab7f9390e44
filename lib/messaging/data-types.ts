// Plain message types of the data feature (content scripts may import types; no zod here).
export type DataRequest = { type: 'dataPing' };

export interface DataResponses {
  dataPing: { ok: true };
}

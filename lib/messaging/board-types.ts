// Plain message types of the board feature (content scripts may import types; no zod here).
import type { BoardCard, BoardFilter, BoardOwner, BoardStage } from '../pipeline/board';
import type { ColumnSummary } from '../pipeline/board-preview';

export type BoardRequest = { type: 'board'; preview?: { filter: BoardFilter; perColumn: number } };

export interface BoardReply {
  /** The background's clock when the cards were made (stalled flags are as of then). */
  asOf: number;
  stages: BoardStage[];
  owners: BoardOwner[];
  /** Deal values without a currency are in this one. */
  defaultCurrency: string;
  /**
   * PackedCards as JSON text: every live prospect, unsorted and unfiltered, or for a preview the
   * first cards of each column. Chrome converts a message value by value on each side; one string
   * crosses many times faster than the 120,000 values of 10,000 packed cards.
   */
  cards: string;
  /** Present when a preview was asked for. */
  preview?: { columns: ColumnSummary[]; shown: number; total: number };
}

/** The board as the side panel works with it. */
export type BoardView = Omit<BoardReply, 'cards'> & { cards: BoardCard[] };

export interface BoardResponses {
  board: BoardReply;
}

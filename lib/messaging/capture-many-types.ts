// Plain message types of bulk clip (no zod here: content scripts import these).
import type { CaptureFields } from '../model/capture';
import type { CaptureManyResult } from '../store/capture-many';

export type CaptureManyRequest = { type: 'captureMany'; inputs: Array<CaptureFields & { source?: string }> };

export interface CaptureManyResponses {
  captureMany: CaptureManyResult;
}

export type { CaptureManyResult };

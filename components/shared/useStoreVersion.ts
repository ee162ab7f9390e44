import { useNoticeVersion } from './useNotice';

/** A number that goes up whenever the background reports a change to the store: put it in effect deps to re-read. */
export function useStoreVersion(): number {
  return useNoticeVersion('changed');
}

import { browser } from 'wxt/browser';
import { t, type MessageKey } from '../shared/i18n';
import { EmptyState } from '../ui/EmptyState';

/**
 * An empty pipeline teaches how to fill it: clip someone on LinkedIn, or import the connections
 * (the options page's import). Shown by the board and insights while nobody is in the pipeline.
 */
export function EmptyPipeline({ title }: { title: MessageKey }) {
  return (
    <EmptyState title={t(title)} text={t('emptyPipelineText')} testId="empty-pipeline">
      <a class="button primary" href={browser.runtime.getURL('/options.html#import')} target="_blank" rel="noopener">
        {t('emptyPipelineImport')}
      </a>
      <a class="button" href="https://www.linkedin.com/mynetwork/" target="_blank" rel="noopener noreferrer">
        {t('emptyPipelineLinkedIn')}
      </a>
    </EmptyState>
  );
}

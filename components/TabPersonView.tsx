import { send } from './api';
import { draftToForm } from './draft-wire';
import { t } from './i18n';
import { ProspectDetail } from './ProspectDetail';
import { ProspectForm } from './ProspectForm';
import type { TabPerson } from './useTabPerson';

/** What the tab shows: its person's record, or the form to clip them, or why there is nothing. */
export function TabPersonView({ person, onSaved }: { person: TabPerson; onSaved: () => void }) {
  switch (person.kind) {
    case 'loading':
      return (
        <p class="muted" aria-busy="true">
          {t('loading')}
        </p>
      );
    case 'unsupported':
      return <p class="muted">{t('hintOpenProfile')}</p>;
    case 'failed':
      if (person.reason === 'not-rendered')
        return (
          <p class="muted" aria-busy="true">
            {t('loading')}
          </p>
        );
      return <p class="muted">{person.reason === 'not-a-profile' ? t('hintOpenProfile') : t('errorExtract')}</p>;
    case 'draft':
      if (person.detail) return <ProspectDetail detail={person.detail} />;
      return (
        <ProspectForm
          key={person.draft.slug ?? person.draft.fields.email?.value ?? ''}
          initial={draftToForm(person.draft)}
          onSubmit={async (v) => {
            await send({ type: 'capture', input: v });
            onSaved();
          }}
        />
      );
  }
}

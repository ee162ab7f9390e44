import { send } from '../../shared/api';
import { draftToForm } from '../../shared/draft-wire';
import { t } from '../../shared/i18n';
import { LinkToExisting } from './LinkToExisting';
import { PersonPicker } from './PersonPicker';
import { ProspectDetail } from './ProspectDetail';
import { ProspectForm } from './ProspectForm';
import type { TabPerson } from '../../shared/useTabPerson';

/** What the tab shows: its person's record, or the form to clip them, or why there is nothing. */
export function TabPersonView({
  person,
  onSaved,
  onChoose,
}: {
  person: TabPerson;
  onSaved: () => void;
  onChoose: (email: string) => void;
}) {
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
    case 'draft': {
      const email = person.draft.fields.email?.value;
      return (
        <>
          <PersonPicker people={person.people} current={person.draft} onChoose={onChoose} />
          {person.detail ? (
            <ProspectDetail detail={person.detail} />
          ) : (
            <>
              {!person.draft.fields.name && <p class="muted">{t('manualHint')}</p>}
              <ProspectForm
                key={person.draft.slug ?? email ?? ''}
                initial={draftToForm(person.draft)}
                onSubmit={async (v) => {
                  await send({ type: 'capture', input: v });
                  onSaved();
                }}
              />
              {email && !person.draft.slug && <LinkToExisting email={email} onLinked={onSaved} />}
            </>
          )}
        </>
      );
    }
  }
}

// The tracked chip's "Actions" button and its menu (WAI-ARIA menu button: arrows move, Home/End
// jump, Escape closes and returns focus to the button). A menu item opens its small form in the
// same popover; finishing one closes the popover, returns focus to the button and says what changed.
// A class component, like the panels, to keep Preact's hooks out of the content scripts.
import { Component, createRef } from 'preact';
import type { PersonView } from '../../../lib/messaging/types';
import { ask } from '../../shared/api';
import { t, type MessageKey } from '../../shared/i18n';
import { FollowUpPanel, LogTouchPanel, StagePanel } from './ActionPanels';
import { localTimeLine, type ActionSite } from './logic';
import { menuKeyTarget } from './menu-keys';

type View = 'menu' | 'log' | 'follow' | 'stage' | 'panel';

const ITEMS: Array<[View, MessageKey]> = [
  ['log', 'logTouch'],
  ['follow', 'addFollowUp'],
  ['stage', 'chipChangeStage'],
  ['panel', 'chipOpenPanel'],
];

interface Props {
  person: PersonView;
  site: ActionSite;
  /** Announce a sentence in the chip's live region. */
  say: (text: string) => void;
  /** Set when the chip wants focus on the button (after clipping); cleared after use. */
  focusButton: { current: boolean };
}

export class ChipMenu extends Component<Props, { view?: View | null }> {
  button = createRef<HTMLButtonElement>();
  pop = createRef<HTMLDivElement>();

  override componentDidMount() {
    this.componentDidUpdate({}, {});
  }

  override componentDidUpdate(_: unknown, prev: { view?: View | null }) {
    if (this.props.focusButton.current) {
      this.props.focusButton.current = false;
      this.button.current?.focus();
    }
    // Opening the menu puts focus on its first item.
    if (this.state.view === 'menu' && prev.view !== 'menu') this.pop.current?.querySelector<HTMLElement>('[role=menuitem]')?.focus();
  }

  close = (returnFocus = true) => {
    this.setState({ view: null });
    if (returnFocus) this.button.current?.focus();
  };

  done = (said: string) => {
    this.close();
    this.props.say(said);
  };

  async choose(view: View) {
    if (view !== 'panel') return this.setState({ view });
    this.close();
    const r = await ask({ type: 'openSidePanel', prospectId: this.props.person.prospectId });
    this.props.say(r.ok ? t(r.data.opened === 'tab' ? 'chipPanelTab' : 'chipPanelOpened') : r.error);
  }

  onMenuKey = (e: KeyboardEvent) => {
    const items = Array.from(this.pop.current?.querySelectorAll<HTMLElement>('[role=menuitem]') ?? []);
    const target = menuKeyTarget(e.key, items.indexOf(e.target as HTMLElement), items.length);
    if (target === null) return;
    e.preventDefault();
    if (target === 'close') this.close();
    else items[target]?.focus();
  };

  render({ person, site }: Props) {
    const view = this.state.view;
    const local = localTimeLine(person.place, Date.now());
    const common = { prospectId: person.prospectId, onDone: this.done, onCancel: this.close };
    return (
      <span
        class="actions"
        // Focus leaving the button and its popover (Tab away, a click elsewhere on the page) closes it.
        // Without a next target (a click on the page's background, or a menu item giving way to its
        // form), it is judged once focus has settled.
        onFocusOut={(e) => {
          const box = e.currentTarget as HTMLElement;
          const to = e.relatedTarget as Node | null;
          if (to) return box.contains(to) || this.close(false);
          setTimeout(() => {
            if (this.state.view && !box.contains((box.getRootNode() as ShadowRoot).activeElement)) this.close(false);
          });
        }}
      >
        <button
          ref={this.button}
          type="button"
          class="actions-btn"
          aria-haspopup="menu"
          aria-expanded={!!view}
          onClick={() => this.setState({ view: view ? null : 'menu' })}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              this.setState({ view: 'menu' });
            }
          }}
        >
          {t('chipActions')}
          <span aria-hidden="true"> ▾</span>
        </button>
        {view && (
          <div
            ref={this.pop}
            class="pop"
            // A click on the popover's own padding keeps focus inside it.
            tabIndex={-1}
            onKeyDown={(e) => {
              if (view !== 'menu' && e.key === 'Escape') {
                e.preventDefault();
                this.close();
              }
            }}
          >
            {local && <p class="local-time">{local}</p>}
            {view === 'menu' && (
              <div role="menu" aria-label={t('chipActions')} class="menu" onKeyDown={this.onMenuKey}>
                {ITEMS.map(([v, label]) => (
                  <button type="button" role="menuitem" tabIndex={-1} onClick={() => void this.choose(v)}>
                    {t(label)}
                  </button>
                ))}
              </div>
            )}
            {view === 'log' && <LogTouchPanel {...common} site={site} />}
            {view === 'follow' && <FollowUpPanel {...common} />}
            {view === 'stage' && (
              <StagePanel {...common} stages={person.stages} current={person.stageKey} lostReasons={person.lostReasons} />
            )}
          </div>
        )}
      </span>
    );
  }
}

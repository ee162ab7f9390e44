// A synthetic Gmail inbox of any length for the list-annotation bench, and the single-page shell that
// serves it. Row markup is test/fixtures/gmail/inbox-list.html's (2023–25 list view): `tr.zA` rows in
// `table.F` inside `[role="main"]`, senders as `.yW .bA4 span[email][name]`, the Google bar's account
// button naming the mailbox owner. Invented people on .example domains.
import { prng } from './rows';

export const OWNER = 'dewi.lestari@kopinusantara.example';

const FIRST = ['Ayu', 'Bagus', 'Citra', 'Dimas', 'Eka', 'Fajar', 'Gita', 'Hendra', 'Indah', 'Joko', 'Kartika', 'Lukas'];
const LAST = ['Pratama', 'Wijaya', 'Santoso', 'Hidayat', 'Nugroho', 'Saputra', 'Anggraini', 'Kusuma', 'Maulana'];
const SUBJECTS = ['Quote for Q3', 'Re: pilot rollout', 'Samples shipped', 'Invoice 2024-117', 'Meeting next week', 'Fleet schedule'];

export interface Sender {
  email: string;
  name: string;
}

export interface Inbox {
  /** The body of the list view, ready for the shell. */
  body: string;
  title: string;
  /** One external sender per row, in row order (each row names a different person). */
  senders: Sender[];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/**
 * `rows` rows, each from a different external person; every fifth also lists the owner as "me"
 * ("Hendra, me (3)"), which must not get a marker. Deterministic for a seed.
 */
export function syntheticInbox(rows: number, seed = 5): Inbox {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const senders: Sender[] = [];
  const tr: string[] = [];
  for (let i = 0; i < rows; i++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const s = { email: `${first.toLowerCase()}.${last.toLowerCase()}${i}@firma${i % 17}.example`, name: `${first} ${last}` };
    senders.push(s);
    const unread = rand() < 0.3;
    const cls = unread ? 'zF' : 'yP';
    const who = `<span class="${cls}" email="${esc(s.email)}" name="${esc(s.name)}" data-hovercard-id="${esc(s.email)}">${esc(first)}</span>`;
    const me = i % 5 === 4 ? `, <span class="yP" email="${OWNER}" name="me" data-hovercard-id="${OWNER}">me</span>` : '';
    const count = me ? ` <span class="bx0">${2 + (i % 4)}</span>` : '';
    const subject = `${pick(SUBJECTS)} #${i}`;
    tr.push(
      `<tr class="zA ${unread ? 'zE' : 'yO'}" id=":${(0x300 + i).toString(36)}" role="row" tabindex="-1" draggable="false">` +
        `<td class="oZ-x3 xY" role="gridcell"><div class="oZ-jc T-Jo J-J5-Ji" role="checkbox" aria-checked="false"></div></td>` +
        `<td class="apU xY" role="gridcell"><span class="aXw T-KT" title="Not starred" aria-label="Not starred" role="button"></span></td>` +
        `<td class="yX xY" role="gridcell"><div class="afn">${esc(s.name)}, ${esc(subject)}</div><div class="yW"><span class="bA4">${who}${me}</span>${count}</div></td>` +
        `<td class="xY a4W" role="gridcell"><div class="xS"><div class="xT"><div class="y6"><span class="bog"><span>${esc(subject)}</span></span></div>` +
        `<span class="y2"> - Hi Dewi, a short note about order ${i} and the delivery window</span></div></div></td>` +
        `<td class="xW xY" role="gridcell"><span title="Tue, Mar 5, 2024, 10:12 AM" aria-label="10:12 AM">10:12 AM</span></td></tr>`,
    );
  }
  const body = `<div class="nH">
  <header id="gb" role="banner"><a class="gb_B gb_Za" aria-label="Google Account: Dewi Lestari  &#10;(${OWNER})" href="https://accounts.google.com/SignOutOptions?hl=en&amp;continue=https://mail.google.com/mail/&amp;service=mail" role="button"><img class="gb_P gbii" src="data:," alt=""></a></header>
  <div class="aeN" role="navigation" aria-label="Main menu"></div>
  <div class="nH bkK" role="main"><div class="ae4 aDM nH oy8Mbf" gh="tl"><div class="Cp"><table class="F cf zt" role="grid" aria-readonly="true"><colgroup><col class="Ci"><col class="y5"><col class="yY"><col></colgroup><tbody>
${tr.join('\n')}
  </tbody></table></div></div></div>
</div>`;
  return { body, title: `Inbox (${rows}) - ${OWNER} - Kopi Nusantara Mail`, senders };
}

export { fixturePage, spaShell, type ShellPage } from '../e2e/mail-spa';

// A logged-in LinkedIn profile at the size of a real one (~1 MB of HTML), made from a fixture: a real
// profile page carries dozens of cards (experience, education, skills, activity), a "People also viewed"
// rail of other members linked by /in/ URL, and hundreds of KB of JSON in hidden <code> elements.
// Generated, deterministic, invented people only; the fixture's top card stays first, so the chip has
// the same work to do as on the small page, and the list content scripts get a realistic rail to read.

const FIRST = ['Ayu', 'Budi', 'Citra', 'Dimas', 'Eka', 'Fajar', 'Gita', 'Hendra', 'Indah', 'Joko', 'Lena', 'Marco', 'Nomvula', 'Pieter'];
const LAST = ['Pratama', 'Lestari', 'Wijaya', 'Santoso', 'Mokoena', 'Van Wyk', 'Naidoo', 'Hidayat', 'Dlamini', 'Botha'];
const ROLES = ['Head of Sales', 'Account Executive', 'VP Revenue', 'Sales Development Representative', 'Chief Operating Officer', 'Procurement Lead'];
const ORGS = ['Lumora Pay', 'Quillstone Bank', 'Samudra Freight', 'Arunika Health', 'Garuda Data', 'Selat Energy', 'Karoo Analytics'];

const pick = <T>(xs: readonly T[], i: number): T => xs[i % xs.length]!;

function entity(i: number): string {
  const role = pick(ROLES, i * 7);
  const org = pick(ORGS, i * 3);
  return `<li class="artdeco-list__item pvs-list__item--line-separated pvs-list__item--one-column" id="profilePagedListComponent-ACoAAFake-EXPERIENCE-${i}">
  <div data-view-name="profile-component-entity" class="display-flex flex-row justify-space-between">
    <div><a data-field="experience_company_logo" class="optional-action-target-wrapper display-flex" target="_self" href="https://www.linkedin.com/company/${10_000_000 + i}/"><div class="ivm-image-view-model"><img width="48" alt="${org} logo" src="https://media.licdn.com/dms/image/v2/D4D0BAQFake${i}/company-logo_100_100/0/1700000000000?e=1750000000&amp;v=beta&amp;t=fake"></div></a></div>
    <div class="display-flex flex-column align-self-center flex-grow-1">
      <div class="display-flex align-items-center mr1 hoverable-link-text t-bold"><span aria-hidden="true"><!---->${role}<!----></span><span class="visually-hidden"><!---->${role}<!----></span></div>
      <span class="t-14 t-normal"><span aria-hidden="true"><!---->${org} · Full-time<!----></span><span class="visually-hidden"><!---->${org} · Full-time<!----></span></span>
      <span class="t-14 t-normal t-black--light"><span aria-hidden="true"><!---->${2000 + (i % 24)} - ${2001 + (i % 24)} · ${1 + (i % 5)} yrs<!----></span></span>
      <div class="pvs-entity__sub-components"><ul><li class="pvs-list__paged-list-item"><div class="inline-show-more-text--is-collapsed"><span aria-hidden="true"><!---->Grew the ${org} book of business across ${pick(['Jakarta', 'Cape Town', 'Surabaya', 'Durban'], i)} by working closely with partners, finance and operations teams.<!----></span></div></li></ul></div>
    </div>
  </div>
</li>`;
}

function card(title: string, from: number, n: number): string {
  const items = Array.from({ length: n }, (_, k) => entity(from + k)).join('\n');
  return `<section data-view-name="profile-card" class="artdeco-card pv-profile-card break-words mt2">
  <div class="pvs-header__container"><h2 class="pvs-header__title"><span aria-hidden="true"><!---->${title}<!----></span><span class="visually-hidden"><!---->${title}<!----></span></h2></div>
  <div><ul class="pvs-list">${items}</ul></div>
</section>`;
}

function alsoViewed(n: number): string {
  const people = Array.from({ length: n }, (_, i) => {
    const name = `${pick(FIRST, i)} ${pick(LAST, i * 3 + 1)}`;
    const slug = `${name.toLowerCase().replace(/[^a-z]+/g, '-')}-${(1000 + i).toString(36)}`;
    return `<li class="artdeco-list__item pvs-list__item--line-separated"><div data-view-name="profile-component-entity" class="display-flex flex-row">
  <a data-field="browsemap_profile" class="optional-action-target-wrapper display-flex" href="https://www.linkedin.com/in/${slug}/"><img width="48" alt="${name}" src="https://media.licdn.com/dms/image/v2/C5603AQFake${i}/profile-displayphoto-shrink_100_100/0/1600000000000?e=1750000000&amp;v=beta&amp;t=fake"></a>
  <div class="display-flex flex-column"><a href="https://www.linkedin.com/in/${slug}/" class="optional-action-target-wrapper"><div class="t-bold"><span aria-hidden="true">${name}</span><span class="visually-hidden">${name}</span></div></a>
  <div class="t-14 t-normal"><span aria-hidden="true">${pick(ROLES, i)} at ${pick(ORGS, i)}</span></div>
  <button aria-label="Connect with ${name}" class="artdeco-button artdeco-button--secondary" type="button"><span class="artdeco-button__text">Connect</span></button></div>
</div></li>`;
  }).join('\n');
  return `<aside class="scaffold-layout__aside"><section class="artdeco-card pv-profile-card" data-view-name="profile-card"><h2 class="pvs-header__title">People also viewed</h2><ul class="pvs-list">${people}</ul></section></aside>`;
}

/** Hidden JSON of the kind LinkedIn inlines (other members, never the profile's own public id). */
function embeddedJson(i: number, members: number): string {
  const included = Array.from({ length: members }, (_, k) => ({
    $type: 'com.linkedin.voyager.dash.identity.profile.Profile',
    entityUrn: `urn:li:fsd_profile:ACoAAFake${i}x${k}`,
    publicIdentifier: `member-${i}-${k}`,
    firstName: pick(FIRST, k),
    lastName: pick(LAST, k + i),
    headline: `${pick(ROLES, k)} at ${pick(ORGS, k + i)}`,
    profilePicture: { displayImageReference: { vectorImage: { rootUrl: 'https://media.licdn.com/dms/image/v2/C5603AQFake/', artifacts: [100, 200, 400, 800].map((w) => ({ width: w, height: w, fileIdentifyingUrlPathSegment: `profile-displayphoto-shrink_${w}_${w}/0/1600000000000?e=1750000000&v=beta&t=fake${k}` })) } } },
    trackingId: `fake+${i}+${k}==`,
  }));
  return `<code style="display: none" id="bpr-guid-${4_000_000 + i}">${JSON.stringify({ data: { $type: 'com.linkedin.restli.common.CollectionResponse', paging: { start: 0, count: members } }, included }).replace(/</g, '\\u003c')}</code>`;
}

/** The fixture grown to about `targetBytes` of HTML. */
export function largeProfile(fixture: string, targetBytes = 1_000_000): string {
  const cards = ['Experience', 'Education', 'Licenses & certifications', 'Volunteering', 'Skills', 'Recommendations', 'Projects', 'Honors & awards', 'Activity', 'Interests'];
  const body = cards.map((t, i) => card(t, i * 30, 30)).join('\n') + alsoViewed(40);
  let html = fixture.replace('</main>', `${body}\n</main>`);
  const blobs: string[] = [];
  for (let i = 0; html.length + blobs.join('').length < targetBytes; i++) blobs.push(embeddedJson(i, 40));
  html = html.replace('</body>', `${blobs.join('\n')}\n</body>`);
  return html;
}

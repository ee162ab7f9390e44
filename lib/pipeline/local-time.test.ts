import { describe, expect, it } from 'vitest';
import { currentModule } from '../../scripts/build-place-zones.mjs';
import { readFileSync } from 'node:fs';
import { localClock } from './local-clock';
import { placeZone } from './local-time';
import { ZONES } from './place-zones.data';

describe('placeZone', () => {
  it.each([
    ['Greater Stockholm Metropolitan Area', 'Europe/Stockholm', 'Stockholm'],
    ['Stockholm, Stockholm County, Sweden', 'Europe/Stockholm', 'Stockholm'],
    ['Jakarta, Indonesia', 'Asia/Jakarta', 'Jakarta'],
    ['Bandung, Jawa Barat, Indonesia', 'Asia/Jakarta', 'Bandung'],
    ['Bandung, West Java, Indonesia', 'Asia/Jakarta', 'Bandung'],
    ['Daerah Khusus Ibukota Jakarta, Indonesia', 'Asia/Jakarta', 'Jakarta'],
    ['Makassar, Sulawesi Selatan, Indonesia', 'Asia/Makassar', 'Sulawesi Selatan'], // the table knows Makassar as Ujungpandang
    ['San Francisco Bay Area', 'America/Los_Angeles', 'San Francisco'],
    ['New York City Metropolitan Area', 'America/New_York', 'New York'],
    ['Washington DC-Baltimore Area', 'America/New_York', 'Washington, D.C.'],
    ['Dallas-Fort Worth Metroplex', 'America/Chicago', 'Dallas'],
    ['São Paulo, São Paulo, Brazil', 'America/Sao_Paulo', 'São Paulo'],
    ['Singapore', 'Asia/Singapore', 'Singapore'],
    ['Sweden', 'Europe/Stockholm', 'Sweden'],
    ['Some Small Village, Sweden', 'Europe/Stockholm', 'Sweden'],
    ['Jawa Barat, Indonesia', 'Asia/Jakarta', 'Jawa Barat'],
  ])('%s → %s', (location, zone, place) => {
    expect(placeZone(location)).toEqual({ zone, place });
  });

  it.each([
    ['Indonesia'], // four zones: a country alone says nothing
    ['United States'],
    ['Remote'],
    ['Earth'],
    [''],
    [null],
    ['Somewhere, Atlantis'],
  ])('%s → nothing rather than a guess', (location) => {
    expect(placeZone(location)).toBeNull();
  });

  it('a city name shared by places of similar size in different zones is not guessed', () => {
    // Two Springfields in the US (Illinois: Central; Massachusetts: Eastern) with no state given.
    expect(placeZone('Springfield')).toBeNull();
    expect(placeZone('Springfield, Illinois, United States')?.zone).toBe('America/Chicago');
  });

  it('every zone of the table is one this runtime knows', () => {
    for (const z of ZONES) expect(localClock(z, 0, 'en-GB'), z).not.toBeNull();
  });

  it('the committed table is what the build script makes from the installed dataset', () => {
    const committed = readFileSync(new URL('./place-zones.data.ts', import.meta.url), 'utf8');
    expect(committed === currentModule()).toBe(true);
  });
});

describe('localClock', () => {
  // Wednesday 2026-12-02 13:05 UTC = 14:05 in Stockholm, 20:05 in Jakarta, 05:05 in San Francisco.
  const now = Date.UTC(2026, 11, 2, 13, 5);

  it('tells the time there and whether it is working hours', () => {
    expect(localClock('Europe/Stockholm', now, 'en-GB', 'Europe/Stockholm')).toEqual({ time: '14:05', otherDay: null, working: true });
    expect(localClock('Asia/Jakarta', now, 'en-GB', 'Europe/Stockholm')).toEqual({ time: '20:05', otherDay: null, working: false });
    expect(localClock('America/Los_Angeles', now, 'en-GB', 'America/Los_Angeles')?.working).toBe(false);
  });

  it('names the day when it is another day there', () => {
    const late = Date.UTC(2026, 11, 2, 20, 0); // Wed 20:00 UTC = Thu 03:00 in Jakarta
    expect(localClock('Asia/Jakarta', late, 'en-GB', 'Europe/London')).toEqual({ time: '03:00', otherDay: 'Thu', working: false });
  });

  it('weekends are not working hours', () => {
    const saturdayNoon = Date.UTC(2026, 11, 5, 11, 0); // Sat 12:00 in Stockholm
    expect(localClock('Europe/Stockholm', saturdayNoon, 'en-GB', 'Europe/Stockholm')?.working).toBe(false);
  });

  it('an unknown zone shows nothing', () => {
    expect(localClock('Mars/Olympus_Mons', now, 'en-GB')).toBeNull();
  });

  it('follows the locale', () => {
    expect(localClock('Europe/Stockholm', now, 'id-ID', 'Europe/Stockholm')?.time).toBe('14.05');
  });
});

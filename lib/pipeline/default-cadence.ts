// The default cadence in the rep's language. A local-mode rep's store is seeded once, in the UI
// language of that first run: the steps become follow-ups whose text the rep reads every day, so they
// are written in the rep's language rather than translated on display. A team gets its default from
// the server (private.init_team, English) and may rename it; what a team stored is never rewritten.
import { DEFAULT_CADENCE, type CadenceTemplate } from '../model/cadence-template';

export const DEFAULT_CADENCE_ID: CadenceTemplate = {
  name: 'Bawaan: 8 kontak dalam 21 hari',
  description: 'Terhubung, lalu bergantian LinkedIn, e-mail, dan telepon sampai terjadi percakapan dua arah.',
  steps: [
    { day: 0, channel: 'connection_request', note: 'Kirim permintaan koneksi dengan catatan pribadi tentang {{company}}.' },
    {
      day: 2,
      channel: 'linkedin_message',
      note: 'Terima kasih kepada {{first_name}} karena sudah terhubung; bagikan satu ide yang berguna.',
    },
    { day: 4, channel: 'email', note: 'E-mail singkat: masalah yang kami selesaikan untuk tim seperti {{company}}.' },
    { day: 7, channel: 'call', note: 'Telepon; jika tidak diangkat, tinggalkan pesan suara 20 detik.' },
    { day: 10, channel: 'linkedin_message', note: 'Bagikan studi kasus yang relevan.' },
    { day: 14, channel: 'email', note: 'Tawarkan panggilan 15 menit dengan dua pilihan waktu.' },
    { day: 17, channel: 'call', note: 'Upaya telepon kedua.' },
    { day: 21, channel: 'email', note: 'E-mail penutup: akhiri percakapan dengan sopan.' },
  ],
};

/** The default cadence for a UI language tag ("id", "id-ID" → Indonesian; anything else English). */
export function defaultCadenceFor(lang: string): CadenceTemplate {
  return /^(id|in)\b/i.test(lang) ? DEFAULT_CADENCE_ID : DEFAULT_CADENCE;
}

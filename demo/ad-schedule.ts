// The ad schedule the demo, the harness and the IMA stand-in all play, so both ad paths can be compared.
// Files are in demo/public/media. The mid-roll sits just before the 10 s chapter boundary of
// chapters.vtt (a timeupdate can come 0.25 s late, still before 10 s), so a session shows timeline 3's shape: chapter 1 completes, the break, chapter 2.

export interface AdSchedule {
  preroll: string[];
  midroll?: { at: number; ads: string[] };
  postroll: string[];
}

export const DEMO_SCHEDULE: AdSchedule = {
  preroll: ['ad1.webm', 'ad2.webm'],
  midroll: { at: 9.5, ads: ['ad2.webm'] },
  postroll: ['ad1.webm'],
};

/** How a test wants the ad stack to misbehave. */
export type AdFault = 'none' | 'timeout' | 'error';

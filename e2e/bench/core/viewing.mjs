// The scripted viewing the core throughput bench replays, and the config and snapshot it starts from.

export const T0 = 1_700_000_000_000;
const SRC = 'https://cdn.example/movie.mp4';

export const configOf = (core) => ({
  ...core.CORE_DEFAULTS,
  instanceId: 'bench',
  sessionParams: () => ({
    'analytics.trackingServer': 'example.sc.omtrdc.net',
    'analytics.reportSuite': 'rsid',
    'visitor.marketingCloudOrgId': 'ORG@AdobeOrg',
    'media.id': 'movie',
    'media.contentType': 'vod',
    'media.playerName': 'video.js',
    'media.channel': 'web',
  }),
});

export const baseSnapshot = {
  playhead: 0,
  duration: 7200,
  paused: true,
  seeking: false,
  ended: false,
  src: SRC,
  muted: false,
  fullscreen: false,
  pictureInPicture: false,
  captions: false,
  inFocus: true,
};

/** One hour of viewing as [signal, snapshot, wall-time offset] beats. */
export function viewingHour() {
  const beats = [];
  let t = 0;
  let snap = { ...baseSnapshot };
  const beat = (type, changes = {}, extra = {}) => {
    snap = { ...snap, ...changes };
    beats.push([{ type, ...extra }, snap, t]);
  };
  beat('loadstart');
  beat('durationchange');
  beat('play', { paused: false });
  t += 300;
  beat('playing');
  for (let second = 0; second < 3600; second += 0.25) {
    t += 250;
    beat('timeupdate', { playhead: snap.playhead + 0.25 });
    if (second % 300 === 150) {
      beat('pause', { paused: true });
      t += 5000;
      beat('play', { paused: false });
      beat('playing');
    } else if (second % 600 === 420) {
      beat('seeking', { seeking: true, playhead: snap.playhead + 30 });
      t += 120;
      beat('seeked', { seeking: false });
      beat('playing');
    } else if (second % 120 === 60) {
      beat('statechange', { muted: !snap.muted });
    }
  }
  beat('ended', { ended: true, paused: true });
  beat('dispose');
  return beats;
}

// Init script for the page-clock benches. Playwright's page.clock fakes Date and timers but not media:
// the <video> keeps playing in real time while simulated minutes pass in seconds. So the element's
// currentTime is made to follow the page clock (as a real one follows the wall clock), which gives
// every simulated moment a true playhead to check pings against. The real element still plays (and
// fires its events); its loop-around seeks are kept from the page, and `__gateTimeupdate` can hold
// back `timeupdate` so that only timers wake the plugin (the worst case of a throttled hidden tab).
export function installClockMedia(): void {
  const proto = HTMLMediaElement.prototype;
  const currentTime = Object.getOwnPropertyDescriptor(proto, 'currentTime')!;
  const duration = Object.getOwnPropertyDescriptor(proto, 'duration')!;
  const clock = { running: false, anchorPos: 0, anchorAt: 0 };
  window.__clockMedia = clock;
  const position = () =>
    clock.running ? clock.anchorPos + (Date.now() - clock.anchorAt) / 1000 : clock.anchorPos;
  const anchor = (running: boolean) => {
    clock.anchorPos = position();
    clock.anchorAt = Date.now();
    clock.running = running;
  };
  Object.defineProperty(proto, 'currentTime', {
    configurable: true,
    get: position,
    set(this: HTMLMediaElement, value: number) {
      currentTime.set!.call(this, value);
      clock.anchorPos = value;
      clock.anchorAt = Date.now();
    },
  });
  // Two simulated hours of content once the real duration is known (30 s would end the session early).
  Object.defineProperty(proto, 'duration', {
    configurable: true,
    get(this: HTMLMediaElement) {
      const real = duration.get!.call(this) as number;
      return Number.isFinite(real) ? 7200 : real;
    },
  });
  const swallow = (e: Event) => e.stopImmediatePropagation();
  window.addEventListener('playing', () => clock.running || anchor(true), true);
  window.addEventListener('pause', () => anchor(false), true);
  // The bench never seeks: these come only from the real element looping around its 30 s.
  window.addEventListener('seeking', swallow, true);
  window.addEventListener('seeked', swallow, true);
  window.addEventListener('timeupdate', (e) => window.__gateTimeupdate && swallow(e), true);
}

// Init script for the dispose check: keeps a ledger of live timers, DOM listeners and video.js
// handlers, each marked as the plugin's when the plugin's own code (served from /src/) is on the
// stack that created it. rxjs schedules from inside the plugin's calls, so its timers count too.
export function installLedger(): void {
  Error.stackTraceLimit = 80;
  const byPlugin = (): boolean =>
    (new Error().stack ?? '')
      .split('\n')
      .some((line) => line.includes('/src/') && !line.includes('/node_modules/'));

  const timers = new Map<number, boolean>();
  const { setTimeout: st, setInterval: si, clearTimeout: ct, clearInterval: ci } = window;
  window.setTimeout = ((handler: TimerHandler, delay?: number, ...args: unknown[]) => {
    const plugin = byPlugin();
    const id: number = st(
      (...a: unknown[]) => {
        timers.delete(id);
        if (typeof handler === 'function') handler(...a);
      },
      delay,
      ...args,
    );
    timers.set(id, plugin);
    return id;
  }) as typeof window.setTimeout;
  window.setInterval = ((handler: TimerHandler, delay?: number, ...args: unknown[]) => {
    const id = si(handler, delay, ...args);
    timers.set(id, byPlugin());
    return id;
  }) as typeof window.setInterval;
  window.clearTimeout = ((id?: number) => {
    if (id !== undefined) timers.delete(id);
    ct(id);
  }) as typeof window.clearTimeout;
  window.clearInterval = ((id?: number) => {
    if (id !== undefined) timers.delete(id);
    ci(id);
  }) as typeof window.clearInterval;

  // DOM listeners, keyed as the browser dedupes them: target, type, listener, capture.
  const listeners = new Map<EventTarget, Map<string, boolean>>();
  const ids = new WeakMap<object, number>();
  let nextId = 1;
  const idOf = (o: object): number => {
    const known = ids.get(o);
    if (known !== undefined) return known;
    ids.set(o, nextId);
    return nextId++;
  };
  const keyOf = (type: string, listener: object, options?: boolean | EventListenerOptions) =>
    `${type}|${idOf(listener)}|${typeof options === 'boolean' ? options : Boolean(options?.capture)}`;
  const { addEventListener: add, removeEventListener: remove } = EventTarget.prototype;
  EventTarget.prototype.addEventListener = function (this: EventTarget, type, listener, options) {
    if (listener) {
      const own = listeners.get(this) ?? new Map<string, boolean>();
      listeners.set(this, own);
      const key = keyOf(type, listener, options);
      if (!own.has(key)) own.set(key, byPlugin());
    }
    return add.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (this: EventTarget, type, listener, options) {
    if (listener) listeners.get(this)?.delete(keyOf(type, listener, options));
    return remove.call(this, type, listener, options);
  };

  // video.js handlers: its event system adds one DOM listener per type and keeps the handlers itself,
  // so the emitters the plugin listens to (player, text tracks, quality levels) are wrapped one by one.
  const handlers = new Map<object, Map<string, boolean>>();
  type Emitter = {
    on(type: string | string[], fn: object): unknown;
    off(type?: string | string[], fn?: object): unknown;
  };
  const watchEmitter = (target: object) => {
    const emitter = target as Emitter;
    const own = new Map<string, boolean>();
    handlers.set(target, own);
    const on = emitter.on.bind(emitter);
    const off = emitter.off.bind(emitter);
    emitter.on = (type, fn) => {
      if (typeof fn === 'function') {
        for (const t of [type].flat())
          if (!own.has(`${t}|${idOf(fn)}`)) own.set(`${t}|${idOf(fn)}`, byPlugin());
      }
      return on(type, fn);
    };
    emitter.off = (type, fn) => {
      if (type === undefined) own.clear();
      else if (fn === undefined)
        for (const t of [type].flat()) for (const k of own.keys()) k.startsWith(`${t}|`) && own.delete(k);
      else for (const t of [type].flat()) own.delete(`${t}|${idOf(fn)}`);
      return off(type, fn);
    };
  };

  const tally = (values: Iterable<boolean>) => {
    let all = 0;
    let plugin = 0;
    for (const v of values) {
      all += 1;
      if (v) plugin += 1;
    }
    return { all, plugin };
  };
  /** `Target:type` of every entry the plugin made and still holds, so a leak names itself. */
  const pluginEntries = (registry: Map<object, Map<string, boolean>>) =>
    [...registry].flatMap(([target, own]) =>
      [...own]
        .filter(([, plugin]) => plugin)
        .map(([key]) => `${target.constructor.name}:${key.split('|')[0]}`),
    );
  window.__ledger = {
    counts: () => ({
      timers: tally(timers.values()),
      listeners: tally([...listeners.values()].flatMap((m) => [...m.values()])),
      playerHandlers: tally([...handlers.values()].flatMap((m) => [...m.values()])),
      pluginHeld: [...pluginEntries(listeners), ...pluginEntries(handlers)],
    }),
    watchEmitter,
  };
}

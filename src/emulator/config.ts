// Emulator settings: the timeouts Adobe applies to sessions and the ping cadence the sequence rules expect.

export interface EmulatorConfig {
  /** MC API: a session with no event for 10 min is closed (docs/adobe-api.md#session-timeouts). */
  idleTimeoutMs: number;
  /**
   * MC API: a session whose playhead has not moved for 30 min is closed (docs/adobe-api.md#session-timeouts).
   */
  stalledTimeoutMs: number;
  /** Expected content ping interval (docs/adobe-api.md#pings: every 10 s). */
  mainPingIntervalMs: number;
  /**
   * Expected ping interval inside an ad break (docs/adobe-api.md#pings: 1 s in Adobe's event pages and SDKs).
   */
  adPingIntervalMs: number;
  /** Slack added to either interval before a gap becomes a `ping-cadence` finding. */
  pingToleranceMs: number;
}

export interface EmulatorOptions extends Partial<EmulatorConfig> {
  /** Wall clock in epoch ms; inject one to test the timeouts without waiting. */
  now?: () => number;
  /**
   * Edge mode: the IMS org whose identity and cluster cookies the answers set (alloy looks for
   * `kndctr_{org}_identity`); configure alloy with the same org. Default EDGE_ORG_ID.
   */
  edgeOrgId?: string;
}

export const DEFAULT_CONFIG: Readonly<EmulatorConfig> = Object.freeze({
  idleTimeoutMs: 600_000,
  stalledTimeoutMs: 1_800_000,
  mainPingIntervalMs: 10_000,
  adPingIntervalMs: 1_000,
  pingToleranceMs: 1_500,
});

const CONFIG_KEYS = Object.keys(DEFAULT_CONFIG) as (keyof EmulatorConfig)[];

/** Problems with a config patch (unknown keys, values that are not numbers ≥ 0), as sentences. */
export function configProblems(patch: unknown): string[] {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    return ['The config body must be a JSON object.'];
  }
  const problems: string[] = [];
  for (const [key, value] of Object.entries(patch)) {
    if (!(CONFIG_KEYS as string[]).includes(key)) {
      problems.push(`Unknown config key "${key}"; allowed: ${CONFIG_KEYS.join(', ')}.`);
    } else if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      problems.push(`Config "${key}" must be a number of milliseconds ≥ 0.`);
    }
  }
  return problems;
}

/** The config an emulator starts with (and returns to on reset): defaults overlaid with the options. */
export function initialConfig(options: EmulatorOptions): EmulatorConfig {
  const config = { ...DEFAULT_CONFIG };
  for (const key of CONFIG_KEYS) {
    const value = options[key];
    if (value !== undefined) config[key] = value;
  }
  return config;
}

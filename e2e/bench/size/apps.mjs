// The app entries a site would write, one per candidate. Each imports video.js itself, so the
// baseline (video.js alone) is subtracted exactly and the difference is what the candidate adds.
// A candidate is imported the way its documentation says and used just enough to be kept.

/** Packages counted as the candidate's own code; every other package is listed by name. */
export const CANDIDATES = [
  {
    id: 'baseline',
    label: 'video.js alone (baseline)',
    code: `import videojs from 'video.js';\nwindow.videojs = videojs;\n`,
  },
  {
    id: 'plugin',
    label: 'videojs-media-collection',
    // The import registers the plugin (its one side effect); player.mediaCollection() needs nothing more.
    code: `import videojs from 'video.js';\nimport 'videojs-media-collection';\nwindow.videojs = videojs;\n`,
    groups: { 'videojs-media-collection': 'plugin', rxjs: 'rxjs', tslib: 'rxjs', 'idb-keyval': 'idb-keyval' },
  },
  {
    id: 'mux',
    label: 'videojs-mux',
    code: `import videojs from 'video.js';\nimport 'videojs-mux';\nwindow.videojs = videojs;\n`,
  },
  {
    id: 'alloy',
    label: '@adobe/alloy, createInstance (all components)',
    code: `import videojs from 'video.js';\nimport { createInstance } from '@adobe/alloy';\nwindow.videojs = videojs;\nwindow.alloy = createInstance({ name: 'alloy' });\n`,
  },
  {
    id: 'alloy-media',
    label: '@adobe/alloy, createCustomInstance (streamingMedia only)',
    code: `import videojs from 'video.js';\nimport { components, createCustomInstance } from '@adobe/alloy';\nwindow.videojs = videojs;\nwindow.alloy = createCustomInstance({ name: 'alloy', components: [components.streamingMedia] });\n`,
  },
];

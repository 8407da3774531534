// The offline viewer's script and styles, assembled from one module per feature. Every feature is a browser
// script `(function (Z) { … })(Z);` that receives the core object (viewer/core.ts: trace, helpers,
// `Z.select` / `Z.onSelect`) and owns one part of the page (html.ts lays out the elements). To add a
// feature (e.g. a run scrubber or a statechart drawing): write a module like flame.ts, give it a place in
// html.ts, and list it in FEATURES; listeners run in this order on every selection.
import { BOOT_JS, CORE_JS } from './core.js';
import { VIEWER_CSS } from './css.js';
import { DETAILS_JS } from './details.js';
import { FLAME_JS } from './flame.js';
import { SEARCH_JS } from './search.js';
import { STEPS_JS } from './steps.js';
import { TIMELINE_JS } from './timeline.js';
import { TREE_JS } from './tree.js';

const FEATURES = [TREE_JS, DETAILS_JS, STEPS_JS, FLAME_JS, SEARCH_JS, TIMELINE_JS];

export { VIEWER_CSS };
export const VIEWER_JS = [CORE_JS, ...FEATURES, BOOT_JS].join('\n');

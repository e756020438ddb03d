// `npm run build`: `next build`, the worker bundles, and the stamp that tells `npm start` the build is fresh.
import { build } from './lib.mjs';

build();

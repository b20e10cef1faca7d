#!/usr/bin/env node
// Writes the indexes extraction reads next to their compiled modules in dist/ (the gazetteer's
// names, the Ukrainian dictionary's entries), so that `vigil extract` starts without parsing
// megabytes of data; run by `npm run build` after tsc. See src/ingest/built-index.ts.
import { readFileSync, writeFileSync } from 'node:fs';

const dist = new URL('../dist/ingest/', import.meta.url);
const gazetteer = await import(new URL('gazetteer-index.js', dist).href);
writeFileSync(
  gazetteer.GAZETTEER_INDEX_FILE,
  gazetteer.buildGazetteerIndex(readFileSync(gazetteer.PLACES_FILE)),
);
const ukrainian = await import(new URL('morphology/ukrainian.js', dist).href);
writeFileSync(
  ukrainian.UKRAINIAN_INDEX_FILE,
  ukrainian.buildUkrainianIndex(readFileSync(ukrainian.DICTIONARY_FILE)),
);

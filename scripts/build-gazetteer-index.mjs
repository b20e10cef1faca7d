#!/usr/bin/env node
// Writes the gazetteer's name index next to the compiled gazetteer (dist/ingest/gazetteer-index.txt)
// so that `vigil extract` looks names up without first computing the keys of every place; run by
// `npm run build` after tsc. See src/ingest/gazetteer-index.ts.
import { readFileSync, writeFileSync } from 'node:fs';

const { buildGazetteerIndex, GAZETTEER_INDEX_FILE, PLACES_FILE } = await import(
  '../dist/ingest/gazetteer-index.js'
);
writeFileSync(GAZETTEER_INDEX_FILE, buildGazetteerIndex(readFileSync(PLACES_FILE)));

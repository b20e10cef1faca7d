import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * PT Serif (ParaType, SIL Open Font License 1.1), shipped by the @expo-google-fonts/pt-serif npm
 * package: a serif designed for Russian, with full Cyrillic. Resolved from node_modules, never
 * downloaded at run time; the licence is the package's LICENSE_FONT.
 */
export const LETTER_FONTS = {
  regular: require.resolve('@expo-google-fonts/pt-serif/400Regular/PTSerif_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/pt-serif/700Bold/PTSerif_700Bold.ttf'),
} as const;

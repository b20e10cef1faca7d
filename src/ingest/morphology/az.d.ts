// Minimal typings for the parts of Az.js (npm `az`) that Vigil uses.
declare module 'az' {
  export interface AzTag {
    POST: string;
    toString(): string;
    [grammeme: string]: unknown;
  }
  export interface AzParse {
    word: string;
    tag: AzTag;
    score: number;
    /** 'Dictionary' for dictionary words; a predictor's name for guesses */
    parser: string;
    normalize(keepPos?: boolean): AzParse;
    inflect(grammemes: string[]): AzParse | false;
  }
  export interface AzMorph {
    (word: string, config?: Record<string, unknown>): AzParse[];
    init(path: string, callback: (err: unknown) => void): void;
  }
  export interface AzStatic {
    Morph: AzMorph;
    load: (url: string, responseType: string, callback: (err: unknown, data?: unknown) => void) => void;
  }
  const Az: AzStatic;
  export default Az;
}

/**
 * Multinomial naive Bayes over sets of string features: small, deterministic, and trained in
 * one pass, for the models extraction ships (person roles, act types). A model is plain JSON.
 */
export interface NaiveBayesModel<Label extends string> {
  labels: Label[];
  logPrior: number[];
  /** feature → log P(feature | label), one per label */
  logLikelihood: Record<string, number[]>;
}

export interface Example<Label extends string> {
  features: string[];
  label: Label;
}

// Additive smoothing, and the fewest examples a feature must occur in to be kept (a feature seen
// once is as likely noise as evidence, and would only grow the file).
const ALPHA = 0.5;
const MIN_COUNT = 2;
const round = (x: number) => Math.round(x * 1e4) / 1e4;

/** Trains on the examples; the same examples in any order give the same model. */
export function trainNaiveBayes<Label extends string>(
  examples: Example<Label>[],
  labels: readonly Label[],
): NaiveBayesModel<Label> {
  const perLabel = labels.map(() => 0);
  const counts = new Map<string, number[]>();
  for (const { features, label } of examples) {
    const l = labels.indexOf(label);
    perLabel[l]++;
    for (const f of features) {
      const row = counts.get(f) ?? labels.map(() => 0);
      row[l]++;
      counts.set(f, row);
    }
  }
  const kept = [...counts.entries()]
    .filter(([, row]) => row.reduce((a, b) => a + b, 0) >= MIN_COUNT)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const totals = labels.map((_, l) => kept.reduce((sum, [, row]) => sum + row[l], 0));
  const logLikelihood: Record<string, number[]> = {};
  for (const [f, row] of kept)
    logLikelihood[f] = row.map((c, l) => round(Math.log((c + ALPHA) / (totals[l] + ALPHA * kept.length))));
  return {
    labels: [...labels],
    logPrior: perLabel.map((n) => round(Math.log((n + 1) / (examples.length + labels.length)))),
    logLikelihood,
  };
}

/** The posterior probability of every label; features the model never saw are ignored. */
export function posteriors<Label extends string>(
  model: NaiveBayesModel<Label>,
  features: string[],
): number[] {
  const scores = model.logPrior.map((prior, l) => {
    let score = prior;
    for (const f of features) {
      const likelihood = model.logLikelihood[f];
      if (likelihood) score += likelihood[l];
    }
    return score;
  });
  const top = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(s - top));
  const total = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / total);
}

/** The most probable label and its posterior probability. */
export function classify<Label extends string>(
  model: NaiveBayesModel<Label>,
  features: string[],
): { label: Label; p: number } {
  const p = posteriors(model, features);
  const best = p.reduce((b, x, l) => (x > p[b] ? l : b), 0);
  return { label: model.labels[best], p: p[best] };
}

/**
 * Which major group (the first two digits of a NOC code) a job title belongs to, as a multinomial
 * logistic regression over the title's words, its head word and its pairs of adjacent words, trained
 * on the indexed titles when the index is built. The title coder's similarity scores find the titles
 * that share the most (weighted) words with a text; this model learns which words tell major groups
 * apart — "labourer" against "operator" in the same industry, "supervisor" with "manufacturing" — and
 * the coder's ranking weighs its verdict (see `TitleMatcher`). Deterministic: a fixed shuffle, AdaGrad,
 * a fixed number of passes. Pure.
 */

/** One indexed title as the classifier sees it. */
export interface ClassifierDocument {
  /** Term numbers in the order of the words. */
  terms: readonly number[];
  /** The head word's term (-1: none). */
  head: number;
  /** Its class (major group index). */
  label: number;
  /** How much it counts (its source's weight). */
  weight: number;
}

const EPOCHS = 4;
const RATE = 0.3;
const L2 = 1e-5;
const SEED = 12345;
/** A pair of adjacent words is a feature when at least this many titles use it. */
const MIN_PAIR = 2;

export class MajorClassifier {
  readonly classes: number;
  /** Feature per term, per head term and per frequent pair; then `classes` weights per feature. */
  private readonly weights: Float32Array;
  private readonly bias: Float64Array;
  private readonly termCount: number;
  private readonly headFeature = new Map<number, number>();
  private readonly pairFeature = new Map<number, number>();
  private readonly scores: Float64Array;

  constructor(documents: readonly ClassifierDocument[], termCount: number, classes: number) {
    this.classes = classes;
    this.termCount = termCount;
    let features = termCount;
    const pairCounts = new Map<number, number>();
    for (const document of documents) {
      if (document.head >= 0 && !this.headFeature.has(document.head))
        this.headFeature.set(document.head, features++);
      for (let i = 0; i + 1 < document.terms.length; i++) {
        const key = this.pairKey(document.terms[i] ?? 0, document.terms[i + 1] ?? 0);
        pairCounts.set(key, (pairCounts.get(key) ?? 0) + 1);
      }
    }
    for (const [key, count] of pairCounts) if (count >= MIN_PAIR) this.pairFeature.set(key, features++);
    this.weights = new Float32Array(features * classes);
    this.bias = new Float64Array(classes);
    this.scores = new Float64Array(classes);
    this.train(documents);
  }

  private pairKey(first: number, second: number): number {
    return first * this.termCount + second;
  }

  /** The features of a title: its terms, its head term, its known pairs of adjacent terms. */
  private features(terms: readonly number[], head: number): number[] {
    const found = [...terms];
    const headFeature = this.headFeature.get(head);
    if (headFeature !== undefined) found.push(headFeature);
    for (let i = 0; i + 1 < terms.length; i++) {
      const pair = this.pairFeature.get(this.pairKey(terms[i] ?? 0, terms[i + 1] ?? 0));
      if (pair !== undefined) found.push(pair);
    }
    return found;
  }

  private train(documents: readonly ClassifierDocument[]): void {
    const { classes, weights, bias } = this;
    const squared = new Float32Array(weights.length).fill(0.01);
    const probabilities = new Float64Array(classes);
    const order = Array.from(documents.keys());
    const features = documents.map((document) => this.features(document.terms, document.head));
    let seed = SEED;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let epoch = 0; epoch < EPOCHS; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
      }
      const rate = RATE / (1 + epoch);
      for (const index of order) {
        const document = documents[index];
        const own = features[index];
        if (document === undefined || own === undefined) continue;
        this.softmax(own, probabilities);
        for (let c = 0; c < classes; c++) {
          const gradient = document.weight * ((probabilities[c] ?? 0) - (c === document.label ? 1 : 0));
          bias[c] = (bias[c] ?? 0) - rate * gradient * 0.1;
          for (const feature of own) {
            const k = feature * classes + c;
            const value = gradient + L2 * (weights[k] ?? 0);
            squared[k] = (squared[k] ?? 0) + value * value;
            weights[k] = (weights[k] ?? 0) - (RATE * value) / Math.sqrt(squared[k] ?? 1);
          }
        }
      }
    }
  }

  /** Softmax of the classes' scores for some features (each counting `factors[i]`, default 1). */
  private softmax(features: readonly number[], into: Float64Array, factors?: readonly number[]): void {
    const { classes, weights, bias } = this;
    for (let c = 0; c < classes; c++) into[c] = bias[c] ?? 0;
    features.forEach((feature, at) => {
      const factor = factors?.[at] ?? 1;
      const base = feature * classes;
      for (let c = 0; c < classes; c++) into[c] = (into[c] ?? 0) + factor * (weights[base + c] ?? 0);
    });
    let max = -Infinity;
    for (let c = 0; c < classes; c++) max = Math.max(max, into[c] ?? 0);
    let sum = 0;
    for (let c = 0; c < classes; c++) {
      into[c] = Math.exp((into[c] ?? 0) - max);
      sum += into[c] ?? 0;
    }
    for (let c = 0; c < classes; c++) into[c] = (into[c] ?? 0) / sum;
  }

  /**
   * The probability of each class for a text read as terms in order (-1 for a word the index does not
   * know), each counting its factor (a corrected typo counts less), and its head term.
   */
  probabilities(terms: readonly number[], factors: readonly number[], head: number): Float64Array {
    const features: number[] = [];
    const featureFactors: number[] = [];
    terms.forEach((term, at) => {
      if (term < 0) return;
      features.push(term);
      featureFactors.push(factors[at] ?? 1);
      if (term === head) {
        const headFeature = this.headFeature.get(head);
        if (headFeature !== undefined) {
          features.push(headFeature);
          featureFactors.push(factors[at] ?? 1);
        }
      }
    });
    for (let i = 0; i + 1 < terms.length; i++) {
      const pair = this.pairFeature.get(this.pairKey(terms[i] ?? -1, terms[i + 1] ?? -1));
      if (pair !== undefined && (terms[i] ?? -1) >= 0 && (terms[i + 1] ?? -1) >= 0) {
        features.push(pair);
        featureFactors.push(1);
      }
    }
    this.softmax(features, this.scores, featureFactors);
    return this.scores;
  }
}

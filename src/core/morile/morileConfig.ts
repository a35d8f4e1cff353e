/** One step of a scale: its name as analysts write it and the number it scores. */
export interface ScaleLevel {
  readonly name: string;
  readonly value: number;
}

/** Which part of the formula a factor feeds. */
export type FactorSection = "harm" | "likelihood" | "position" | "confidence";

/** A factor column of the MoRiLE sheet and how it scores. */
export interface FactorDefinition {
  /** The column header, exactly as in the template (`Community & environment`). */
  readonly name: string;
  readonly section: FactorSection;
  /** Levels in order, lowest first. */
  readonly levels: readonly ScaleLevel[];
  readonly weight: number;
}

/**
 * Everything numeric about MoRiLE scoring, as data: no public source gives MoRiLE's own
 * values, so a partnership replaces these with its template's.
 *
 * Harm = Σ weight × level over harm factors; Likelihood = Σ weight × level;
 * Risk = Harm × Likelihood; Position = Σ weight × level over position factors;
 * Score = Risk × (1 + Position / positionDivisor) (a divisor of 0 leaves Position out);
 * band High when Score ≥ high × the highest possible score, Medium when ≥ medium.
 */
export interface MorileConfig {
  readonly preset: string;
  readonly factors: readonly FactorDefinition[];
  readonly positionDivisor: number;
  readonly bands: { readonly high: number; readonly medium: number };
  /** Seed of the Monte Carlo sensitivity, so reruns agree. */
  readonly seed: number;
  readonly draws: number;
}

const HARM_LINEAR: ScaleLevel[] = [
  { name: "None", value: 0 },
  { name: "Low", value: 1 },
  { name: "Moderate", value: 2 },
  { name: "Substantial", value: 3 },
  { name: "Critical", value: 4 },
];
const HARM_ESCALATING: ScaleLevel[] = [
  { name: "None", value: 0 },
  { name: "Low", value: 1 },
  { name: "Moderate", value: 2 },
  { name: "Substantial", value: 4 },
  { name: "Critical", value: 8 },
];
const LIKELIHOOD: ScaleLevel[] = [
  { name: "Remote", value: 1 },
  { name: "Unlikely", value: 2 },
  { name: "Possible", value: 3 },
  { name: "Likely", value: 4 },
  { name: "Almost certain", value: 5 },
];
const POSITION: ScaleLevel[] = [
  { name: "Strong", value: 0 },
  { name: "Adequate", value: 1 },
  { name: "Limited", value: 2 },
  { name: "Poor", value: 3 },
];
const CONFIDENCE: ScaleLevel[] = [
  { name: "Low", value: 1 },
  { name: "Medium", value: 2 },
  { name: "High", value: 3 },
];

/** The harm factors, in template order. */
export const HARM_FACTORS = [
  "Physical",
  "Psychological",
  "Financial",
  "Community & environment",
  "Geographic scope",
  "Vulnerability",
];

function preset(name: string, harm: ScaleLevel[]): MorileConfig {
  return {
    preset: name,
    factors: [
      ...HARM_FACTORS.map((f) => ({ name: f, section: "harm" as const, levels: harm, weight: 1 })),
      { name: "Likelihood", section: "likelihood", levels: LIKELIHOOD, weight: 1 },
      { name: "Confidence", section: "confidence", levels: CONFIDENCE, weight: 1 },
      { name: "Capacity", section: "position", levels: POSITION, weight: 1 },
      { name: "Capability", section: "position", levels: POSITION, weight: 1 },
    ],
    positionDivisor: 6,
    bands: { high: 0.25, medium: 0.125 },
    seed: 20200301,
    draws: 2000,
  };
}

/** The shipped presets: placeholders a partnership replaces with its own template values. */
export const MORILE_PRESETS: Readonly<Record<string, MorileConfig>> = {
  linear: preset("Linear", HARM_LINEAR),
  escalating: preset("Escalating", HARM_ESCALATING),
};

/** The columns of a MoRiLE sheet, in template order. */
export const MORILE_TEMPLATE_HEADER = [
  "Theme",
  ...HARM_FACTORS,
  "Likelihood",
  "Confidence",
  "Capacity",
  "Capability",
  "Rationale",
  "Evidence",
];

/**
 * The factors that count towards the score (everything but confidence).
 *
 * @example
 * scoredFactors(MORILE_PRESETS.linear).length //= 9
 */
export function scoredFactors(config: MorileConfig): FactorDefinition[] {
  return config.factors.filter((f) => f.section !== "confidence");
}

const maxLevel = (f: FactorDefinition): number => Math.max(...f.levels.map((l) => l.value));

/** Harm, likelihood, risk, position and score from factor values (by factor name). */
export function combine(
  config: MorileConfig,
  values: ReadonlyMap<string, number>,
): { harm: number; likelihood: number; risk: number; position: number; score: number } {
  // One pass over the factors: this runs thousands of times in the sensitivity draws.
  let harm = 0;
  let likelihood = 0;
  let position = 0;
  for (const f of config.factors) {
    const weighted = f.weight * (values.get(f.name) ?? 0);
    if (f.section === "harm") harm += weighted;
    else if (f.section === "likelihood") likelihood += weighted;
    else if (f.section === "position") position += weighted;
  }
  const risk = harm * likelihood;
  const score = config.positionDivisor > 0 ? risk * (1 + position / config.positionDivisor) : risk;
  return { harm, likelihood, risk, position, score };
}

const maxScores = new WeakMap<MorileConfig, number>();

/**
 * The highest score the configuration allows, which the band thresholds are fractions of.
 *
 * @example
 * maxScore(MORILE_PRESETS.linear) //= 240
 */
export function maxScore(config: MorileConfig): number {
  let max = maxScores.get(config);
  if (max === undefined) {
    max = combine(config, new Map(config.factors.map((f) => [f.name, maxLevel(f)]))).score;
    maxScores.set(config, max);
  }
  return max;
}

/**
 * High, Medium or Low for a score.
 *
 * @example
 * bandOf(MORILE_PRESETS.linear, 100) //= "High"
 * bandOf(MORILE_PRESETS.linear, 10) //= "Low"
 */
export function bandOf(config: MorileConfig, score: number): "High" | "Medium" | "Low" {
  const max = maxScore(config);
  if (max > 0 && score >= config.bands.high * max) return "High";
  if (max > 0 && score >= config.bands.medium * max) return "Medium";
  return "Low";
}

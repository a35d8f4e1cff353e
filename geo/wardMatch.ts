import { distance } from "fastest-levenshtein";
import type { Ward } from "./boundaries";

/** How a workbook label was matched to a ward, or why it was not. */
export type WardMatch =
  | {
      readonly kind: "matched";
      readonly ward: number;
      readonly how: "code" | "name" | "alias" | "spelling";
      readonly similarity: number;
    }
  | {
      readonly kind: "unmatched" | "ambiguous";
      readonly candidates: readonly { readonly name: string; readonly code: string; readonly similarity: number }[];
    };

/**
 * Names that differ between boundary releases for the same ward (same code): E05004983 is
 * "Barming" in the 2013 release and "Barming and Teston" from 2019.
 */
export const WARD_ALIASES: Readonly<Record<string, readonly string[]>> = {
  E05004983: ["Barming and Teston", "Barming & Teston"],
};

/**
 * Folds case, `&`/`and`, punctuation, spacing and a trailing "ward" away.
 *
 * @example
 * normaliseWardName("St. Mary's & Bridge Ward") //= "st mary s and bridge"
 */
export function normaliseWardName(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, " ")
    .replace(/\bward\b/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const words = (name: string): string[] => name.split(" ").filter((w) => w !== "" && w !== "and");

/**
 * Similarity 0..1 of two normalised names: 1 − edit distance / longer length, raised when every
 * word of the label is in the ward's name ("Marden" is nearer "Marden and Yalding" than "Barming").
 */
function similarity(label: string, ward: string): number {
  const longer = Math.max(label.length, ward.length);
  const spelling = longer === 0 ? 1 : 1 - distance(label, ward) / longer;
  const labelWords = words(label);
  const wardWords = new Set(words(ward));
  const contained = labelWords.length > 0 && labelWords.every((w) => wardWords.has(w));
  return contained ? Math.max(spelling, 0.5 + 0.5 * (labelWords.length / wardWords.size)) : spelling;
}

/** Options of ward matching. */
export interface WardMatchOptions {
  /** Lowest similarity accepted for a misspelt name. Default 0.85. */
  readonly threshold?: number;
  /** How far ahead of the runner-up a misspelling match must be. Default 0.05. */
  readonly margin?: number;
}

/**
 * Matches workbook ward labels to boundary wards by ONS code or by name, tolerant of case,
 * `&`/`and`, punctuation, spacing and small misspellings, with an alias list. Below the
 * confidence threshold, or when two wards are equally close, it does not guess: the result
 * lists the closest candidates.
 */
export class WardMatcher {
  private readonly byCode = new Map<string, number>();
  private readonly byName = new Map<string, number>();
  private readonly byAlias = new Map<string, number>();
  private readonly names: { norm: string; index: number }[] = [];

  constructor(
    private readonly wards: readonly Ward[],
    private readonly options: WardMatchOptions = {},
  ) {
    wards.forEach((ward, index) => {
      this.byCode.set(ward.code.toUpperCase(), index);
      this.byName.set(normaliseWardName(ward.name), index);
      this.names.push({ norm: normaliseWardName(ward.name), index });
      for (const alias of WARD_ALIASES[ward.code] ?? []) this.byAlias.set(normaliseWardName(alias), index);
    });
  }

  /** The ward a label names exactly (an ONS code, a name, an alias), without spelling tolerance; or null. */
  exactly(label: string): number | null {
    const trimmed = label.trim();
    const norm = normaliseWardName(trimmed);
    return this.byCode.get(trimmed.toUpperCase()) ?? this.byName.get(norm) ?? this.byAlias.get(norm) ?? null;
  }

  /** Matches one label (a ward name or ONS code). */
  match(label: string): WardMatch {
    const trimmed = label.trim();
    const code = this.byCode.get(trimmed.toUpperCase());
    if (code !== undefined) return { kind: "matched", ward: code, how: "code", similarity: 1 };
    const norm = normaliseWardName(trimmed);
    const exact = this.byName.get(norm);
    if (exact !== undefined) return { kind: "matched", ward: exact, how: "name", similarity: 1 };
    const alias = this.byAlias.get(norm);
    if (alias !== undefined) return { kind: "matched", ward: alias, how: "alias", similarity: 1 };
    const ranked = this.names
      .map((n) => ({ index: n.index, similarity: similarity(norm, n.norm) }))
      .sort((a, b) => b.similarity - a.similarity || a.index - b.index);
    const threshold = this.options.threshold ?? 0.85;
    const margin = this.options.margin ?? 0.05;
    const [best, second] = ranked;
    const candidates = ranked.slice(0, 3).map((r) => ({
      name: this.wards[r.index].name,
      code: this.wards[r.index].code,
      similarity: Math.round(r.similarity * 100) / 100,
    }));
    if (best && best.similarity >= threshold) {
      if (second && best.similarity - second.similarity < margin) return { kind: "ambiguous", candidates };
      return { kind: "matched", ward: best.index, how: "spelling", similarity: best.similarity };
    }
    return { kind: "unmatched", candidates };
  }
}

import { distance } from "fastest-levenshtein";
import { stripFootnotes } from "./tables/footnotes";

// A partnership names its area as people write it ("Tonbridge & Malling", "Maidstone Borough
// Council", "Bristol, City of"); publications write it their own way ("Tonbridge and Malling",
// "Maidstone", "Bristol"). One key serves every table, month-column sheet and police.uk district.

/** Words around an area's name that say what kind of council it has, not which area it is. */
const COUNCIL_WORDS =
  /\b(city of|royal borough of|london borough of|metropolitan borough of|borough of|county of|metropolitan|borough|district|city|county|council|unitary authority)\b/g;

/**
 * The key an area's name is matched by: footnote markers off, case and punctuation folded, "&"
 * read as "and", and the words that only say what kind of council it is left out; an ONS code is
 * its own key.
 *
 * @example
 * areaKey("Tonbridge & Malling") === areaKey("Tonbridge and Malling") //= true
 * areaKey("Maidstone Borough Council") //= "maidstone"
 * areaKey("Bristol, City of") //= "bristol"
 * areaKey("Surrey7") //= "surrey"
 */
export function areaKey(name: string): string {
  const text = stripFootnotes(name).text.toLowerCase().replace(/&/g, " and ");
  const words = text.replace(/[^a-z0-9]+/g, " ").trim();
  if (/^[ewsnk]\d{8}$/.test(words)) return words;
  // The council words go only when a name is left: "City of London" stays itself.
  const bare = words.replace(COUNCIL_WORDS, " ").replace(/\s+/g, " ").trim();
  return bare || words;
}

/**
 * The names nearest to one that matched nothing, by edit distance between their keys (so "&"
 * against "and" costs nothing), nearest first: what an error offers instead.
 *
 * @example
 * nearestAreas("Tunbridge", ["Ashford", "Canterbury", "Tunbridge Wells", "Tonbridge and Malling"], 2) //= ["Tunbridge Wells", "Tonbridge and Malling"]
 */
export function nearestAreas(name: string, names: readonly string[], count = 3): string[] {
  const wanted = areaKey(name);
  return [...new Set(names)]
    .map((n, order) => {
      const key = areaKey(n);
      // A name typed short ("Tunbridge") is near the names it begins: their first letters count too.
      const d = Math.min(distance(wanted, key), distance(wanted, key.slice(0, wanted.length + 2)) + 1);
      return { n, order, d };
    })
    .sort((a, b) => a.d - b.d || a.order - b.order)
    .slice(0, count)
    .map((x) => x.n);
}

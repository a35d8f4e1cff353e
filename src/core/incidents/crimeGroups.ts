/**
 * Police recorded crime categories (Home Office counting rules, as police.uk and force
 * extracts name them) mapped to the groups the assessment reports. An analyst's Crime groups
 * sheet (Category | Group) adds to or overrides these.
 */
export const DEFAULT_CRIME_GROUPS: Readonly<Record<string, string>> = {
  "violence against the person": "Violence against the person",
  "violence with injury": "Violence against the person",
  "violence without injury": "Violence against the person",
  "violence and sexual offences": "Violence against the person",
  homicide: "Violence against the person",
  "stalking and harassment": "Violence against the person",
  "death or serious injury by unlawful driving": "Violence against the person",
  "sexual offences": "Sexual offences",
  rape: "Sexual offences",
  "other sexual offences": "Sexual offences",
  "drug offences": "Drug offences",
  drugs: "Drug offences",
  "possession of drugs": "Drug offences",
  "trafficking of drugs": "Drug offences",
  "possession of weapons": "Possession of weapons",
  "possession of weapons offences": "Possession of weapons",
  "public order": "Public order offences",
  "public order offences": "Public order offences",
  "vehicle interference": "Vehicle offences",
  "vehicle offences": "Vehicle offences",
  "vehicle crime": "Vehicle offences",
  "theft of a motor vehicle": "Vehicle offences",
  "theft from a vehicle": "Vehicle offences",
  shoplifting: "Theft",
  theft: "Theft",
  "other theft": "Theft",
  "theft from the person": "Theft",
  "bicycle theft": "Theft",
  burglary: "Burglary",
  "residential burglary": "Burglary",
  "burglary business and community": "Burglary",
  "criminal damage and arson": "Criminal damage and arson",
  "criminal damage": "Criminal damage and arson",
  arson: "Criminal damage and arson",
  robbery: "Robbery",
  "miscellaneous crimes against society": "Other crime",
  "other crime": "Other crime",
  // Not crime: police.uk and ONS count anti-social behaviour apart, and so does every total here.
  "anti-social behaviour": "Anti-social behaviour",
  "antisocial behaviour": "Anti-social behaviour",
  asb: "Anti-social behaviour",
};

/** The group of anti-social behaviour incidents, which are not crimes. */
export const ANTISOCIAL_BEHAVIOUR = "Anti-social behaviour";

/** True for a group that counts towards "all crime" (everything but anti-social behaviour). */
export const isCrimeGroup = (group: string): boolean => group !== ANTISOCIAL_BEHAVIOUR;

/** Groups counted as violent crime (for domestic abuse as a share of violent crime). */
export const VIOLENT_GROUPS = new Set(["Violence against the person", "Sexual offences"]);

/**
 * Crimes against society (no direct victim): everything else is victim-based crime, the
 * Home Office split the seed's Town Centre analysis uses.
 */
export const VICTIM_BASED_EXCLUDED = new Set([
  "Drug offences",
  "Possession of weapons",
  "Public order offences",
  "Other crime",
]);

/** A category as mappings key it: trimmed, lower case, single spaces. */
export const crimeGroupKey = (category: string): string => category.trim().toLowerCase().replace(/\s+/g, " ");

/**
 * Reads a category to its group: the analyst's mapping first, then the defaults; null when unknown.
 *
 * @example
 * crimeGroupOf("Burglary", new Map()) //= "Burglary"
 */
export function crimeGroupOf(category: string, mapping: ReadonlyMap<string, string>): string | null {
  const key = crimeGroupKey(category);
  return mapping.get(key) ?? DEFAULT_CRIME_GROUPS[key] ?? null;
}

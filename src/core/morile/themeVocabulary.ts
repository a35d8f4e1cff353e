// Which partnership priority a table or row is evidence for, by its words. MoRiLE themes are
// named freely ("Domestic abuse (incl. stalking)"), so each entry says both how a theme is named
// (`names`) and which titles and row labels are its evidence (`evidence`). The list is data:
// docs/KEY_FINDINGS.md prints it, and a partnership with other priorities adds an entry here.

/** One priority: how MoRiLE sheets name it, and the words of its evidence. */
export interface ThemeWords {
  readonly key: string;
  readonly names: RegExp;
  readonly evidence: RegExp;
}

/**
 * The priorities Strategic Assessments set, most specific first: a row is the evidence of the
 * first entry whose words it holds ("Violent crimes by people on probation" is reoffending before
 * it is violence; "psychoactive" admissions are mental health before substance misuse).
 */
export const THEME_VOCABULARY: readonly ThemeWords[] = [
  {
    key: "domestic abuse",
    names: /domestic|stalking|violence against women/i,
    evidence: /domestic|\bda\b|marac|one stop shop|sanctuary|stalking|coercive|idva|honour/i,
  },
  {
    key: "mental health",
    names: /mental/i,
    evidence: /section 136|\bs\.?136\b|mental health|psychoactive|self-?harm|suicide/i,
  },
  {
    key: "reoffending",
    names: /reoffend|re-offend|offender management/i,
    evidence: /\biom\b|probation|reoffend|re-offend/i,
  },
  {
    key: "children and young people",
    names: /child|young|youth|\bcse\b/i,
    evidence: /youth|young|juvenile|child|\bcse\b|school|\byot\b/i,
  },
  { key: "hate crime", names: /hate/i, evidence: /hate|prejudice|transgender|homophob|racis|religio|disabilit/i },
  {
    key: "substance misuse",
    names: /substance|drug|alcohol/i,
    evidence: /drug|alcohol|treatment|needle|substance|opiate|syringe/i,
  },
  {
    key: "anti-social behaviour",
    names: /anti-?social|\basb\b/i,
    evidence:
      /anti-?social|\basb\b|nuisance|noise|\bdogs?\b|fouling|encampment|pspo|community protection|fly-?tip|community trigger|street trading/i,
  },
  { key: "vehicle crime", names: /vehicle/i, evidence: /vehicle/i },
  {
    key: "serious violence",
    names: /serious|violen|organised|weapon|knife|slavery/i,
    evidence: /violen|weapon|knife|robbery|slavery|county lines|exploitation/i,
  },
  { key: "radicalisation", names: /prevent|radical|extrem/i, evidence: /prevent\b|radical|extrem/i },
];

/**
 * The vocabulary entry a text is evidence for, looking at each text in turn (a row's label
 * before its table's title), or null.
 *
 * @example
 * evidenceTheme(["MARAC cases", "Key partnership indicators"])?.key //= "domestic abuse"
 * evidenceTheme(["Violent crimes by people on probation"])?.key //= "reoffending"
 * evidenceTheme(["Theft", "Town Centre team: High Street"]) //= null
 */
export function evidenceTheme(texts: readonly (string | null | undefined)[]): ThemeWords | null {
  for (const text of texts) {
    if (!text) continue;
    const entry = THEME_VOCABULARY.find((t) => t.evidence.test(text));
    if (entry) return entry;
  }
  return null;
}

/**
 * The MoRiLE theme (by its name as scored) that a text is evidence for: the vocabulary entry of
 * the text, matched to the scored theme whose name that entry recognises.
 *
 * @example
 * scoredThemeOf(["Drug offences"], ["Domestic abuse (incl. stalking)", "Substance misuse"]) //= "Substance misuse"
 */
export function scoredThemeOf(
  texts: readonly (string | null | undefined)[],
  themeNames: readonly string[],
): string | null {
  const entry = evidenceTheme(texts);
  if (!entry) return null;
  return themeNames.find((name) => THEME_VOCABULARY.find((t) => t.names.test(name)) === entry) ?? null;
}

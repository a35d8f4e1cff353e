/** The attribution police.uk's open data asks for wherever its results are shown. */
export const POLICE_UK_ATTRIBUTION =
  "Source: police.uk. Contains public sector information licensed under the Open Government Licence v3.0.";

/**
 * The attributions a run's extracts ask for: police.uk's, when any is police.uk's open data.
 *
 * @example
 * extractAttributions([]) //= []
 */
export function extractAttributions(
  extracts: readonly { readonly extract: { readonly policeUk: boolean } }[],
): string[] {
  return extracts.some((e) => e.extract.policeUk) ? [POLICE_UK_ATTRIBUTION] : [];
}

import { areaKey } from "../areaName";

/**
 * Districts that police.uk still names its LSOAs by (the 2011 LSOAs keep the district names of
 * their time: "Shepway 014C") and that have since been renamed or merged, with the district each
 * is now part of and the year it became so (the structural change orders of local government
 * reorganisation, 2018 to 2023). Whole districts only: every old district lies within one new
 * one, so an LSOA's new district is its old district's. Kept as data, not code, so a change to
 * come is a line here.
 */
export const DISTRICT_CHANGES: readonly { readonly old: string; readonly now: string; readonly year: number }[] = [
  { old: "Shepway", now: "Folkestone and Hythe", year: 2018 },
  { old: "Bournemouth", now: "Bournemouth, Christchurch and Poole", year: 2019 },
  { old: "Christchurch", now: "Bournemouth, Christchurch and Poole", year: 2019 },
  { old: "Poole", now: "Bournemouth, Christchurch and Poole", year: 2019 },
  { old: "East Dorset", now: "Dorset", year: 2019 },
  { old: "North Dorset", now: "Dorset", year: 2019 },
  { old: "Purbeck", now: "Dorset", year: 2019 },
  { old: "West Dorset", now: "Dorset", year: 2019 },
  { old: "Weymouth and Portland", now: "Dorset", year: 2019 },
  { old: "Forest Heath", now: "West Suffolk", year: 2019 },
  { old: "St Edmundsbury", now: "West Suffolk", year: 2019 },
  { old: "Suffolk Coastal", now: "East Suffolk", year: 2019 },
  { old: "Waveney", now: "East Suffolk", year: 2019 },
  { old: "Taunton Deane", now: "Somerset", year: 2023 },
  { old: "West Somerset", now: "Somerset", year: 2023 },
  { old: "Somerset West and Taunton", now: "Somerset", year: 2023 },
  { old: "Mendip", now: "Somerset", year: 2023 },
  { old: "Sedgemoor", now: "Somerset", year: 2023 },
  { old: "South Somerset", now: "Somerset", year: 2023 },
  { old: "Aylesbury Vale", now: "Buckinghamshire", year: 2020 },
  { old: "Chiltern", now: "Buckinghamshire", year: 2020 },
  { old: "South Bucks", now: "Buckinghamshire", year: 2020 },
  { old: "Wycombe", now: "Buckinghamshire", year: 2020 },
  { old: "Corby", now: "North Northamptonshire", year: 2021 },
  { old: "East Northamptonshire", now: "North Northamptonshire", year: 2021 },
  { old: "Kettering", now: "North Northamptonshire", year: 2021 },
  { old: "Wellingborough", now: "North Northamptonshire", year: 2021 },
  { old: "Daventry", now: "West Northamptonshire", year: 2021 },
  { old: "Northampton", now: "West Northamptonshire", year: 2021 },
  { old: "South Northamptonshire", now: "West Northamptonshire", year: 2021 },
  { old: "Allerdale", now: "Cumberland", year: 2023 },
  { old: "Carlisle", now: "Cumberland", year: 2023 },
  { old: "Copeland", now: "Cumberland", year: 2023 },
  { old: "Barrow-in-Furness", now: "Westmorland and Furness", year: 2023 },
  { old: "Eden", now: "Westmorland and Furness", year: 2023 },
  { old: "South Lakeland", now: "Westmorland and Furness", year: 2023 },
  { old: "Craven", now: "North Yorkshire", year: 2023 },
  { old: "Hambleton", now: "North Yorkshire", year: 2023 },
  { old: "Harrogate", now: "North Yorkshire", year: 2023 },
  { old: "Richmondshire", now: "North Yorkshire", year: 2023 },
  { old: "Ryedale", now: "North Yorkshire", year: 2023 },
  { old: "Scarborough", now: "North Yorkshire", year: 2023 },
  { old: "Selby", now: "North Yorkshire", year: 2023 },
];

const BY_OLD = new Map(DISTRICT_CHANGES.map((c) => [areaKey(c.old), c]));

/**
 * The district an old district's name is part of now, or null when it has not changed.
 *
 * @example
 * districtNow("Shepway")?.now //= "Folkestone and Hythe"
 * districtNow("Maidstone") //= null
 */
export function districtNow(
  name: string,
): { readonly old: string; readonly now: string; readonly year: number } | null {
  return BY_OLD.get(areaKey(name)) ?? null;
}

/**
 * One sentence naming each district police.uk's LSOAs call by an old name, once: "Shepway is
 * Folkestone and Hythe since 2018".
 *
 * @example
 * districtChangesSentence(["Shepway"]) //= "police.uk names LSOAs by their districts of 2011: Shepway is Folkestone and Hythe since 2018."
 */
export function districtChangesSentence(oldNames: readonly string[]): string | null {
  const changes = [...new Set(oldNames)].map(districtNow).filter((c): c is NonNullable<typeof c> => c !== null);
  if (changes.length === 0) return null;
  const byNow = new Map<string, { olds: string[]; year: number }>();
  for (const c of changes) {
    const entry = byNow.get(c.now) ?? { olds: [], year: c.year };
    entry.olds.push(c.old);
    byNow.set(c.now, entry);
  }
  const said = [...byNow].map(([now, { olds, year }]) =>
    olds.length === 1
      ? `${olds[0]} is ${now} since ${year}`
      : `${olds.slice(0, -1).join(", ")} and ${olds[olds.length - 1]} are ${now} since ${year}`,
  );
  return `police.uk names LSOAs by their districts of 2011: ${said.join("; ")}.`;
}

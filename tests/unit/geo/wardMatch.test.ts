import { WardMatcher, normaliseWardName } from "../../../geo";
import { builtBoundaries, sharedBoundaries } from "../../helpers/boundaries";
import { itReal } from "../../helpers/realData";

const matcher = new WardMatcher(builtBoundaries().wards);
const nameOf = (label: string): string | null => {
  const m = matcher.match(label);
  return m.kind === "matched" ? builtBoundaries().wards[m.ward].name : null;
};

describe("WardMatcher", () => {
  it("matches every ward the seed names", () => {
    const seedWards = [
      "Bearsted",
      "Bridge",
      "Coxheath and Hunton",
      "Detling and Thurnham",
      "East",
      "Harrietsham and Lenham",
      "Headcorn",
      "Heath",
      "High Street",
      "Leeds",
      "Marden and Yalding",
      "North",
      "Park Wood",
      "Shepway North",
      "Shepway South",
      "Staplehurst",
      "Fant",
      "South",
    ];
    for (const ward of seedWards) expect([ward, nameOf(ward)]).toEqual([ward, ward]);
  });

  it("tolerates case, & and 'and', punctuation, spacing and a trailing 'ward'", () => {
    expect(nameOf("MARDEN & YALDING")).toBe("Marden and Yalding");
    expect(nameOf("  high-street ward ")).toBe("High Street");
    expect(nameOf("Boughton Monchelsea & Chart Sutton")).toBe("Boughton Monchelsea and Chart Sutton");
    expect(normaliseWardName("Harrietsham, Lenham & North Downs")).toBe("harrietsham lenham and north downs");
  });

  it("matches by ONS code and through the alias list", () => {
    expect(nameOf("E05004996")).toBe("High Street");
    expect(nameOf("Barming and Teston")).toBe("Barming");
  });

  it("accepts a small misspelling above the threshold", () => {
    expect(matcher.match("Staplehust")).toMatchObject({ kind: "matched", how: "spelling" });
    expect(nameOf("Shepway Nrth")).toBe("Shepway North");
  });

  it("never guesses below the threshold or between equally close wards, and lists candidates", () => {
    const farnham = matcher.match("Farnham");
    expect(farnham.kind).toBe("unmatched");
    const marden = matcher.match("Marden");
    expect(marden.kind).not.toBe("matched");
    if (marden.kind !== "matched") expect(marden.candidates[0].name).toBe("Marden and Yalding");
    const shepway = matcher.match("Shepway");
    expect(shepway.kind).not.toBe("matched");
    if (shepway.kind !== "matched")
      expect(shepway.candidates.map((c) => c.name)).toEqual(expect.arrayContaining(["Shepway North", "Shepway South"]));
  });

  itReal("matches the 2024 names, which use '&'", () => {
    const m2024 = new WardMatcher(sharedBoundaries(2024).wards);
    expect(m2024.match("Marden and Yalding")).toMatchObject({ kind: "matched", how: "name" });
    expect(m2024.match("Harrietsham Lenham and North Downs")).toMatchObject({ kind: "matched" });
  });
});

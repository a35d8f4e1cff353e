// The numeric tables of the Safer Maidstone Partnership Strategic Assessment 2020-21,
// transcribed as the seed prints them. Figures the seed gives only in its text are marked.

type Cell = string | number | Date | null;

/** A block of cells to lay on a sheet, with optional number formats per column. */
export interface SampleBlock {
  readonly rows: readonly (readonly Cell[])[];
  readonly formats?: Readonly<Record<number, string>>;
  /** Rows (zero-based, within `rows`) drawn as headers. */
  readonly headerRows?: readonly number[];
}

/** A sheet of the sample workbook: blocks placed at (row, column), zero-based. */
export interface SampleSheet {
  readonly name: string;
  readonly blocks: readonly { readonly at: [number, number]; readonly block: SampleBlock }[];
  readonly widths?: readonly number[];
}

export const policeCrime: SampleBlock = {
  rows: [
    ["Police recorded crime, Maidstone"],
    ["Crime type", "Nov 17 – Oct 18", "Nov 18 – Oct 19", "% change"],
    ["All crime", 17244, 16947, "-1.7%"],
    ["Drug offences", 318, 394, "23.9%"],
    ["Vehicle interference", 153, 179, "17%"],
  ],
  formats: { 1: "#,##0", 2: "#,##0" },
  headerRows: [1],
};

export const policeCrimeNote =
  'Vehicle interference: the assessment gives only "+17%, 26 additional crimes"; 153 and 179 are the whole numbers those imply.';

export const keyIndicators: SampleBlock = {
  rows: [
    ["Key partnership indicators"],
    ["Indicator", "Previous year", "Current year", "Change", "Source"],
    ["Section 136 detentions", 112, 142, "+30", "Kent Police"],
    ["Mental health referrals, young adults", 1279, 1342, "+63", "KMPT"],
    ["Mental health referrals, older adults", 763, 849, "+86", "KMPT"],
    ["Youth offences", 97, 110, "+13", "Youth Justice"],
    ["Young people committing offences", 51, 35, "-16", "Youth Justice"],
    ["MARAC cases", 209, 202, "-7", "MARAC"],
    ["MARAC repeat cases", 67, 66, "-1", "MARAC"],
    ["Sanctuary referrals", 38, 37, "-1", "Sanctuary scheme"],
    ["Hate crimes", 370, 426, "+56", "Kent Police"],
    ["IOM cohort", 251, 241, "-10", "IOM"],
    ["Violent crimes by people on probation", 218, 167, "-51", "National Probation Service"],
    ["Structured treatment starts, Kent", 508, 513, "+5", "KCC"],
    ["Town Centre PSPO breaches (begging)", 31, 1, "-30", "MBC"],
    ["Community Trigger applications", 1, 0, "-1", "MBC"],
  ],
  formats: { 1: "#,##0", 2: "#,##0" },
  headerRows: [1],
};

const districts = [
  "Ashford",
  "Canterbury",
  "Dartford",
  "Dover",
  "Gravesham",
  "Maidstone",
  "Sevenoaks",
  "Shepway",
  "Swale",
  "Thanet",
  "Tonbridge & Malling",
  "Tunbridge Wells",
];

const alcohol = [
  [41, 53],
  [51, 95],
  [62, 45],
  [37, 67],
  [62, 55],
  [139, 165],
  [60, 42],
  [38, 54],
  [59, 60],
  [67, 111],
  [98, 72],
  [70, 78],
];
const alcoholPct = [0.29, 0.86, -0.27, 0.81, -0.11, 0.19, -0.3, 0.42, 0.02, 0.66, -0.27, 0.11];

export const alcoholAdmissions: SampleBlock = {
  rows: [
    ["Alcohol related hospital admissions, Kent districts"],
    ["District", "Sep-17 to Aug-18", "Sep-18 to Aug-19", "Difference", "% change from previous year"],
    ...districts.map((d, i) => [d, alcohol[i][0], alcohol[i][1], alcohol[i][1] - alcohol[i][0], alcoholPct[i]]),
    ["All Kent", 784, 897, 113, 0.14],
  ],
  formats: { 4: "0%" },
  headerRows: [1],
};

const psychoactive = [
  [310, 366],
  [537, 563],
  [335, 317],
  [395, 456],
  [412, 404],
  [690, 636],
  [312, 308],
  [439, 486],
  [454, 438],
  [625, 805],
  [404, 408],
  [377, 441],
];
const psychoactivePct = ["18%", "5%", "-5%", "15%", "-2%", "-8%", "-1%", "11%", "-4%", "29%", "1%", "17%"];

export const psychoactiveAdmissions: SampleBlock = {
  rows: [
    ["Hospital admissions for mental and behavioural disorders due to psychoactive substance misuse"],
    ["District", "Sep-17 to Aug-18", "Sep-18 to Aug-19", "Difference", "% change from previous year"],
    ...districts.map((d, i) => [
      d,
      psychoactive[i][0],
      psychoactive[i][1],
      psychoactive[i][1] - psychoactive[i][0],
      psychoactivePct[i],
    ]),
    ["All Kent", "5,290", "5,628", "338", "6%"],
  ],
  headerRows: [1],
};

// The seed prints these two tables side by side with no blank column between them.
export const treatment: SampleBlock = {
  rows: [
    ["Structured treatment by age", null, null, null, "Structured treatment by substance"],
    ["Age", "Oct 17 - Sep 18", "Oct 18 - Sep 19", "% change", null, "Oct 17 - Sep 18", "Oct 18 - Sep 19", "% change"],
    ["17 and under", 16, 7, "-56%", "Alcohol Only", 164, 179, "9%"],
    ["18 - 24", 46, 32, "-30%", "Non-Opiate Only", 50, 48, "-4%"],
    ["25 - 34", 117, 128, "9%", "Non-Opiate & Alcohol", 81, 68, "-16%"],
    ["35 - 44", 151, 160, "6%", "Opiate", 213, 218, "2%"],
    ["45 - 54", 120, 124, "3%", "Total", 508, 513, "1%"],
    ["55 - 64", 51, 56, "10%"],
    ["65+", 7, 6, "-14%"],
  ],
  headerRows: [1],
};

const MONTHS = ["Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep"];

export const needleFinds: SampleBlock = {
  rows: [
    ["Needle finds removed by the council's waste management service"],
    [null, ...MONTHS, "Total"],
    ["2017/2018", 125, 73, 283, 126, 218, 106, 155, 69, 189, 113, 9, 468, 1934],
    ["2018/2019", 283, 381, 196, 143, 164, 84, 205, 87, 85, 85, 203, 120, 2036],
  ],
  formats: { 13: "#,##0" },
  headerRows: [1],
};

export const needleLocations: SampleBlock = {
  rows: [
    ["October-17 to September-18", null, "October-18 to September-19"],
    ["Location", "Count", "Location", "Count"],
    ["Lower Boxley Road", 364, "River Steps", 406],
    ["Needle bins", 266, "Needle bins", 219],
    ["Whatman Park", 190, "Rear of property in Week Street", 200],
    ["Amphitheatre", 81, "Viaduct", 162],
    ["Old Palace", 64, "Lower Boxley Road", 100],
  ],
  headerRows: [1],
};

export const youthByWard: SampleBlock = {
  rows: [
    ["Young offenders by ward"],
    ["Ward", "2018-19"],
    ["Bearsted", 1],
    ["Bridge", 2],
    ["Coxheath and Hunton", 2],
    ["Detling and Thurnham", 1],
    ["East", 1],
    ["Harrietsham and Lenham", 2],
    ["Headcorn", 1],
    ["Heath", 2],
    ["High Street", 4],
    ["Leeds", 1],
    ["Marden and Yalding", 3],
    ["North", 1],
    ["Park Wood", 4],
    ["Shepway North", 4],
    ["Shepway South", 4],
    ["Staplehurst", 1],
    ["TOTAL", 35],
  ],
  headerRows: [1],
};

export const youthAgeGender: SampleBlock = {
  rows: [
    ["Age and Gender of Offenders", "Female", "Male"],
    ["Age 13", null, 3],
    ["Age 14", 1, 1],
    ["Age 15", 2, 3],
    ["Age 16", null, 5],
    ["Age 17 +", 1, 5],
  ],
  headerRows: [0],
};

export const oneStopShop: SampleBlock = {
  rows: [
    ["One Stop Shop attendances (Oct – Sep)"],
    ["Year", "Female", "Male", "Total"],
    ["2017/18", 247, 12, 259],
    ["2018/19", 242, 20, 262],
  ],
  headerRows: [1],
};

export const asbComplaints: SampleBlock = {
  rows: [
    ["Community Protection Team: behaviour-based complaints"],
    ["Description", 2018, 2019, "Comments"],
    [
      "All Anti-social behaviour complaints",
      143,
      190,
      "As more proactive of the Community Protection Team has seen more cases recorded than previous years.",
    ],
    [
      "Dangerous and Nuisance dogs (Not strays)",
      36,
      53,
      "The most significant increase relates to concerns raised about dogs that are alleged to be dangerous (10 more cases) but this is not considered to be a significant risk area.",
    ],
    ["Dog Fouling", 41, 13, "The team have not actively campaigned against dog fouling for a number of years."],
    [
      "All noise nuisance including amplified music and barking",
      728,
      587,
      "The new noise process provides customers with advice, without necessarily needing the back-office resource.",
    ],
    ["Other Nuisance (Odour, dust etc.)", 204, 210, "No significant change"],
    ["Street trading enquiries/complaints", 9, 12, "No significant change"],
    [
      "Straying and lost dogs' enquiries",
      475,
      438,
      "The requirement for dogs to be chipped may have led to a reduction in strays.",
    ],
  ],
  headerRows: [1],
};

export const protectionNotices: SampleBlock = {
  rows: [
    ["Warnings", null, null, "Notices"],
    ["Reason", 2018, 2019, "Reason", 2018, 2019],
    ["ASB", 13, 17, "ASB", 3, 2],
    ["Nuisance/Dangerous Dog (inc Barking)", 12, 4, "Nuisance/Dangerous Dog (inc Barking)", 1, 0],
    ["Noise", 11, 4, "Noise", 0, 1],
    ["Nuisance", 12, 1, "Nuisance", 2, 0],
    ["Unauthorised Encampments", 0, 5, "Unauthorised Encampments", 0, 1],
    ["Total", 48, 31, "Total", 6, 4],
  ],
  headerRows: [1],
};

export const encampments: SampleBlock = {
  rows: [
    ["Unauthorised Encampments"],
    ["Year", "No. Encampments", "No. Locations", "Avg Time in Situ", "Total Days", "No. of disruption"],
    [2018, 10, 6, 3.7, 37, null],
    [2019, 7, 5, 1, 11, null],
  ],
  headerRows: [1],
};

export const hateCrime: SampleBlock = {
  rows: [
    ["Hate crime by strand (one crime can fall in more than one strand)"],
    [null, "This Year", "Last Year", "Change"],
    ["Race (Ethnic) prejudice", 309, 286, "+23"],
    ["Religion/faith/belief prejudice", 32, 16, "+16"],
    ["Gender prejudice", 0, 8, "-8"],
    ["Disability prejudice (inc mental)", 48, 26, "+22"],
    ["Age prejudice", 3, 3, "0"],
    ["Transgender", 3, 3, "0"],
    ["Sexual Orientation", 51, 51, "0"],
  ],
  headerRows: [1],
};

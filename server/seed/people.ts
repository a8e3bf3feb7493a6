/**
 * Vietnamese personal names: family name, one or two middle names, given name, drawn with the
 * frequencies a Vietnamese phone book shows (Nguyễn for about a third, Thị and Văn as the usual
 * middle names). `full_name_unsigned` is the name without diacritics in the varying case vendors
 * store it in ("tran dinh tam", "DEV ZONE").
 */
import { foldDiacritics } from "@/lib/fold-diacritics.ts";
import { type Random, type Weighted, type WeightedTable, weightedTable } from "./random.ts";

export type Gender = "male" | "female";

// NFC everywhere, so that names compare and fold the same whatever editor typed them.
const nfc = <T extends string>(entries: readonly Weighted<T>[]): Weighted<string>[] =>
  entries.map(([name, weight]) => [name.normalize("NFC"), weight]);
const uniform = (names: string): Weighted<string>[] =>
  names.split(" ").map((name) => [name.normalize("NFC"), 1]);

const FAMILY_NAMES = weightedTable(
  nfc([
    ["Nguyễn", 31],
    ["Trần", 11],
    ["Lê", 9.5],
    ["Phạm", 7],
    ["Phan", 4.5],
    ["Hoàng", 4],
    ["Huỳnh", 3],
    ["Vũ", 2.5],
    ["Võ", 2.5],
    ["Đặng", 2.1],
    ["Bùi", 2],
    ["Đỗ", 1.4],
    ["Hồ", 1.3],
    ["Ngô", 1.3],
    ["Dương", 1],
    ["Đinh", 0.6],
    ["Trương", 0.6],
    ["Lý", 0.5],
    ["Lâm", 0.4],
    ["Mai", 0.4],
    ["Trịnh", 0.4],
    ["Đoàn", 0.4],
    ["Hà", 0.3],
    ["Cao", 0.3],
    ["Lương", 0.3],
    ["Tạ", 0.2],
  ]),
);

const MIDDLE_NAMES: Record<Gender, WeightedTable<string>> = {
  male: weightedTable(
    nfc([
      ["Văn", 30],
      ["Đức", 10],
      ["Minh", 10],
      ["Quốc", 8],
      ["Hữu", 8],
      ["Quang", 6],
      ["Thành", 6],
      ["Công", 6],
      ["Đình", 5],
      ["Xuân", 5],
      ["Hoàng", 4],
      ["Gia", 4],
      ["Thanh", 4],
      ["Trọng", 4],
      ["Tuấn", 3],
      ["Anh", 3],
      ["Ngọc", 2],
    ]),
  ),
  female: weightedTable(
    nfc([
      ["Thị", 40],
      ["Ngọc", 10],
      ["Thu", 6],
      ["Thanh", 6],
      ["Kim", 5],
      ["Hồng", 5],
      ["Phương", 4],
      ["Mỹ", 4],
      ["Minh", 4],
      ["Thùy", 4],
      ["Bảo", 3],
      ["Hoài", 3],
      ["Khánh", 3],
      ["Diệu", 2],
      ["Quỳnh", 2],
      ["Hải", 2],
    ]),
  ),
};

const GIVEN_NAMES: Record<Gender, WeightedTable<string>> = {
  male: weightedTable(
    uniform(
      "An Bảo Bình Cường Dũng Duy Đạt Đức Hải Hiếu Hòa Hoàng Hùng Huy Khang Khánh Khoa Kiên Lâm " +
        "Long Lộc Mạnh Minh Nam Nghĩa Nhân Phát Phong Phúc Quân Quang Sơn Tài Tâm Thắng Thành " +
        "Thịnh Toàn Trí Trung Tú Tuấn Việt Vinh Vũ",
    ),
  ),
  female: weightedTable(
    uniform(
      "An Anh Châu Chi Dung Diệp Giang Hà Hạnh Hằng Hiền Hoa Huyền Hương Lan Liên Linh Loan Ly " +
        "Mai My Nga Ngân Ngọc Nhi Nhung Oanh Phương Quyên Quỳnh Tâm Thảo Thủy Trang Trâm Trinh " +
        "Tuyết Uyên Vân Vy Xuân Yến",
    ),
  ),
};

/** Middle names that only mark gender: "Chị Thị Lan" is not how anyone is addressed. */
const GENDER_MARKERS = new Set(["Thị", "Văn"].map((name) => name.normalize("NFC")));

export type VietnameseName = {
  family: string;
  middle: string;
  given: string;
  gender: Gender;
  fullName: string;
};

export function randomVietnameseName(random: Random, gender: Gender): VietnameseName {
  const family = random.weighted(FAMILY_NAMES);
  let middle = random.weighted(MIDDLE_NAMES[gender]);
  let given = random.weighted(GIVEN_NAMES[gender]);
  // "Nguyễn Thị Thu Hà": two middle names are common, more so for women; Thị and Văn only
  // ever come first.
  if (random.chance(gender === "female" ? 0.18 : 0.08)) {
    const second = random.weighted(MIDDLE_NAMES[gender]);
    if (second !== middle && !GENDER_MARKERS.has(second)) middle = `${middle} ${second}`;
  }
  // Nobody is called "Minh Minh": redraw once, then give up on the middle name.
  if (given === middle) given = random.weighted(GIVEN_NAMES[gender]);
  const fullName = given === middle ? `${family} ${given}` : `${family} ${middle} ${given}`;
  return { family, middle, given, gender, fullName };
}

export type UnsignedCase = "lower" | "title" | "upper";

/** The name without diacritics, cased the way the vendor happened to store it. */
export function unsignedName(fullName: string, style: UnsignedCase): string {
  const folded = foldDiacritics(fullName);
  if (style === "lower") return folded;
  if (style === "upper") return folded.toUpperCase();
  return folded.replace(
    /(^|\s)(\p{L})/gu,
    (_, space: string, letter: string) => `${space}${letter.toUpperCase()}`,
  );
}

const CUSTOMER_CASES = weightedTable<UnsignedCase>([
  ["lower", 75],
  ["title", 20],
  ["upper", 5],
]);
const AGENT_CASES = weightedTable<UnsignedCase>([
  ["lower", 40],
  ["title", 30],
  ["upper", 30],
]);

export type NamedPerson = { fullName: string; fullNameUnsigned: string; gender: Gender };

/**
 * How a customer appears in an agent's CRM: mostly the full name, sometimes only "Anh Tuấn" /
 * "Chị Thu Hà", as agents save callers whose full name they never asked.
 */
export function randomCustomerName(random: Random): NamedPerson {
  const gender: Gender = random.chance(0.52) ? "female" : "male";
  const name = randomVietnameseName(random, gender);
  const honorific = gender === "female" ? "Chị" : "Anh";
  const lastMiddle = name.middle.split(" ").at(-1)!;
  const style = random.float();
  const fullName =
    style < 0.82
      ? name.fullName
      : style < 0.94 || GENDER_MARKERS.has(lastMiddle) || lastMiddle === name.given
        ? `${honorific} ${name.given}`
        : `${honorific} ${lastMiddle} ${name.given}`;
  return {
    fullName,
    fullNameUnsigned: unsignedName(fullName, random.weighted(CUSTOMER_CASES)),
    gender,
  };
}

export function randomAgentName(random: Random): NamedPerson & { name: VietnameseName } {
  const gender: Gender = random.chance(0.6) ? "female" : "male";
  const name = randomVietnameseName(random, gender);
  return {
    name,
    fullName: name.fullName,
    fullNameUnsigned: unsignedName(name.fullName, random.weighted(AGENT_CASES)),
    gender,
  };
}

/**
 * The usual Vietnamese company address: given name then the initials of family and middle
 * names ("Nguyễn Thị Lan" → "lannt").
 */
export function emailLocalPart(name: VietnameseName): string {
  const initials = [name.family, ...name.middle.split(" ")].map((part) => part[0] ?? "").join("");
  return foldDiacritics(`${name.given}${initials}`).replace(/[^a-z0-9]/g, "");
}

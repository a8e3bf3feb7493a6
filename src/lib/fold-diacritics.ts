/**
 * Folds Vietnamese (and other Latin) text for matching: lower case, no diacritics, đ → d.
 * "Nguyễn Văn Đức" and "nguyen van duc" fold to the same string, so supervisors can type names
 * either way. Used by the server's keyword index and by the SPA's option search alike.
 */
const COMBINING_MARKS = /[\u0300-\u036f]/g;

export function foldDiacritics(text: string): string {
  return text
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase();
}

/** Zero-width and invisible formatting characters (ZWSP, ZWNJ, ZWJ, word joiner, BOM, soft hyphen). */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
/** Every Unicode dash and hyphen, and the minus sign, written as "-". */
const DASHES =
  /[\u2010-\u2015\u2212\u2043\uFE58\uFE63\uFF0D\u058A\u05BE\u1400\u1806\u2E17\u2E1A\u2E3A\u2E3B\u2E40\u301C\u3030\u30A0]/g;

/**
 * The form a payment reference is stored and compared in, so the same bank
 * reference typed twice is recognised however it was typed: NFKC (full-width
 * letters and digits become ASCII), invisible characters removed, every
 * dash a "-", runs of white space one space, trimmed, upper case.
 */
export function normalizeReference(reference: string): string {
  return reference
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(DASHES, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toUpperCase();
}

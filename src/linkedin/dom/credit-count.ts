// LinkedIn's own count of InMail credits left, from the words it shows: "Use 1 of 150 InMail
// credits", "InMail credits: 149 left", "You have no InMail credits left" (and the German
// "1 von 150 InMail-Guthaben verwenden", "InMail-Guthaben: 149 übrig", "Keine InMail-Guthaben
// mehr"). The number next to the word InMail comes first; words are the fallback.

const NUMBER = '(\\d{1,3}(?:[.,\\u00a0\\u202f ]\\d{3})+|\\d+)';
/** "… of 150 InMail …", "… von 150 InMail-…": the total is the number right before InMail. */
const BEFORE = new RegExp(`${NUMBER}\\s*InMail`, 'i');
/** "InMail credits: 149 left", "InMail-Guthaben: 149 übrig": the number right after the label. */
const AFTER = new RegExp(`InMail[\\p{L}\\s-]{0,24}:\\s*${NUMBER}`, 'iu');
const NONE = /\bno InMail credits\b|\bout of InMail credits\b|\bkeine InMail/i;

export function creditCount(text: string): number | null {
  const match = BEFORE.exec(text) ?? AFTER.exec(text);
  if (match) {
    const n = Number((match[1] as string).replace(/[.,\u00a0\u202f ]/g, ''));
    return Number.isSafeInteger(n) ? n : null;
  }
  return NONE.test(text) ? 0 : null;
}

/** The first leaf under `root` whose words are a credit count. */
export function creditCountIn(root: ParentNode): number | null {
  for (const el of root.querySelectorAll('p, span, div, h2, h3, li')) {
    if (el.children.length > 0) continue;
    const n = creditCount(el.textContent ?? '');
    if (n !== null) return n;
  }
  return null;
}

import {normalize} from "./columns";
import {Contract, shorten} from "./contract";

/**
 * Names matched loosely: how far apart two are, and which of many a mistyped
 * one meant, both counting characters as code points, so a CJK character or an
 * emoji is one character and is never split; and a name as a message gives it.
 */

/** A name a message gives: at most 40 characters of it, cut with an ellipsis. */
export function said(name: string): string {
  return shorten(name, Contract.quoteLength);
}

function distance(a: readonly string[], b: readonly string[]): number {
  let prev = Array.from({length: b.length + 1}, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}

/** Edit distance between two strings in code points (insertions, deletions, substitutions), in two rows of memory. */
export function editDistance(a: string, b: string): number {
  return distance([...a], [...b]);
}

/** The longest part of a name compared, in code points. */
const Compared = 80;

/**
 * The candidate closest to a name, when one is close enough to be what was
 * meant: at most a third of the longer name differs (two characters in short
 * names), and never every character of it.
 */
export function nearestName(name: string, candidates: readonly string[]): string | undefined {
  const key = [...normalize(name)].slice(0, Compared);
  if (!key.length) return undefined;
  const keyText = key.join("");
  let best: {name: string; d: number} | undefined;
  for (const c of candidates) {
    const other = [...normalize(c)].slice(0, Compared);
    if (!other.length) continue;
    const otherText = other.join("");
    const longer = Math.max(key.length, other.length);
    const d =
      otherText.includes(keyText) || keyText.includes(otherText)
        ? Math.abs(other.length - key.length) / 4
        : distance(key, other);
    if (d < longer && d <= Math.max(2, longer / 3) && (!best || d < best.d)) best = {name: c, d};
  }
  return best?.name;
}

/** Scripts written without spaces between words: a name in them is found inside the text. */
const Unspaced =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** Words as matched: NFKC, lower case, split at anything that is not a letter, digit or mark. */
const words = (text: string) =>
  text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/ς/g, "σ")
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter(Boolean);

/**
 * Where `text` names `name` as whole words ("the hybrid path" names Hybrid, "hybridity" does not):
 * the index of the first word of the first mention, or -1. In a script written without spaces the
 * name is found inside the text, and the result is its position in the matching key.
 */
export function mentionAt(text: string, name: string): number {
  const key = normalize(name);
  if (!key) return -1;
  if (Unspaced.test(name)) return normalize(text).indexOf(key);
  const said = words(text);
  const sought = words(name);
  for (let i = 0; i + sought.length <= said.length; i++) {
    if (sought.every((w, j) => said[i + j] === w)) return i;
  }
  return -1;
}

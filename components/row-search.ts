/** What one search picked: positions in `texts`, kept to narrow the next search as the assistant types on. */
export interface SearchAnswer {
  texts: readonly string[];
  statuses: readonly string[];
  needle: string;
  status: string;
  picked: readonly number[];
}

/**
 * The positions whose text holds `needle` and whose status is `status` ('all': any), in order. Typing on
 * (a needle that extends the last one, over the same rows) looks only among the last answer's positions:
 * the first key reads every order, each next key only those still in.
 */
export function searchRows(texts: readonly string[], statuses: readonly string[], needle: string, status: string, previous?: SearchAnswer): SearchAnswer {
  const narrowing =
    previous !== undefined && previous.texts === texts && previous.statuses === statuses && previous.status === status && needle.startsWith(previous.needle);
  const picked: number[] = [];
  const test = (i: number) => (status === 'all' || statuses[i] === status) && (needle === '' || texts[i]!.includes(needle));
  if (narrowing) {
    for (const i of previous.picked) if (test(i)) picked.push(i);
  } else {
    for (let i = 0; i < texts.length; i += 1) if (test(i)) picked.push(i);
  }
  return { texts, statuses, needle, status, picked };
}

// Ids the chat reader makes for sites whose rows have none (TikTok): "r:<page session>:<n>".

export function readerMessageId(session: string, n: number): string {
  return `r:${session}:${n}`;
}

/** The page session of a reader-made id, or undefined for a site's own id. */
export function readerSessionOf(messageId: string): string | undefined {
  return /^r:([a-z0-9]+):\d+$/.exec(messageId)?.[1];
}

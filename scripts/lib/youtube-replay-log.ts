/** One chat message of a YouTube replay log. */
export interface ReplayMessage {
  id: string;
  author: string;
  channelId: string;
  text: string;
  /** When it was written, epoch milliseconds. */
  at: number;
  /** Where in the video it was written, milliseconds. */
  offsetMs: number;
}

/**
 * A YouTube replay chat log as chat downloaders save it (JSON Lines, one replayChatItemAction per line),
 * for the import tests and the exchange bench.
 */
export function youtubeReplayLog(messages: readonly ReplayMessage[]): string {
  return messages
    .map((message) =>
      JSON.stringify({
        replayChatItemAction: {
          actions: [
            {
              addChatItemAction: {
                item: {
                  liveChatTextMessageRenderer: {
                    id: message.id,
                    timestampUsec: String(message.at * 1000),
                    authorName: { simpleText: message.author },
                    authorExternalChannelId: message.channelId,
                    message: { runs: [{ text: message.text }] },
                  },
                },
              },
            },
          ],
          videoOffsetTimeMsec: String(message.offsetMs),
        },
      }),
    )
    .join('\n');
}

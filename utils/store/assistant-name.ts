// Team mode: the name of the assistant at this desk, put on each action they take (null when team mode is off).
let name: string | null = null;

export function setAssistantName(next: string | null): void {
  name = next;
}

export const assistantStamp = (): { by?: string } => (name ? { by: name } : {});

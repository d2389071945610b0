/** The URL if it is https on one of the site's hosts; undefined for anything else (or not a URL). */
export function siteUrl(url: string, hosts: ReadonlySet<string>): URL | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && hosts.has(parsed.hostname) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

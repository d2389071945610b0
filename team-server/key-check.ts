import { createHash, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Keys are compared as SHA-256 digests: equal lengths, so timingSafeEqual applies, and no key is kept in clear. */
export const digestOf = (key: string) => createHash('sha256').update(key, 'utf8').digest();

/** A team key as the extension makes it: 32 random bytes in base64url (43 characters); shorter is refused. */
export const MIN_KEY_LENGTH = 32;

/**
 * The team's key: given (--key / TEAM_KEY), or claimed by the first desk that connects (the host, who
 * made it in the panel) and kept, as its digest, in the data folder. Every later connection must match it.
 */
export class TeamKey {
  private digest: Buffer | null;
  private readonly file: string;

  constructor(dataDir: string, given?: string) {
    this.file = join(dataDir, 'team-key.sha256');
    if (given) {
      if (given.length < MIN_KEY_LENGTH) throw new Error(`the team key must be at least ${MIN_KEY_LENGTH} characters`);
      this.digest = digestOf(given);
      writeFileSync(this.file, this.digest.toString('hex'));
    } else {
      this.digest = existsSync(this.file) ? Buffer.from(readFileSync(this.file, 'utf8').trim(), 'hex') : null;
    }
  }

  get claimed(): boolean {
    return this.digest !== null;
  }

  /** Whether the token is the team's key; the first well-formed key claims an unclaimed server. */
  check(token: string | undefined): 'ok' | 'claimed' | 'refused' {
    if (!token || token.length < MIN_KEY_LENGTH || token.length > 200) return 'refused';
    const digest = digestOf(token);
    if (!this.digest) {
      this.digest = digest;
      writeFileSync(this.file, digest.toString('hex'));
      return 'claimed';
    }
    return timingSafeEqual(digest, this.digest) ? 'ok' : 'refused';
  }
}

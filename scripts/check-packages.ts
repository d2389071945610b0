// Checks the store packages `npm run zip` made, as a store would unpack them: the manifest's icons exist at
// every size as real PNGs of that size, every __MSG_…__ resolves in every locale, the permissions are only
// the ones Chốt needs, the version is package.json's, and no page or script loads code from the network.
import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };
const PERMISSIONS: Record<string, string[]> = { chrome: ['sidePanel', 'unlimitedStorage'], firefox: ['unlimitedStorage'] };
const problems: string[] = [];

/** A PNG's width and height from its header, or undefined if the bytes are not a PNG. */
function pngSize(bytes: Uint8Array): [number, number] | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((byte, i) => bytes[i] !== byte)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return [view.getUint32(16), view.getUint32(20)];
}

function checkPackage(browser: string): void {
  const zipPath = `.output/${pkg.name}-${pkg.version}-${browser}.zip`;
  const files = unzipSync(readFileSync(zipPath));
  const fail = (problem: string) => problems.push(`${zipPath}: ${problem}`);
  const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as Record<string, unknown>;
  if (manifest.version !== pkg.version) fail(`version ${String(manifest.version)}, package.json says ${pkg.version}`);

  const button = (manifest.action ?? manifest.browser_action) as { default_icon?: Record<string, string> } | undefined;
  const iconSets = { icons: manifest.icons as Record<string, string> | undefined, 'toolbar icon': button?.default_icon };
  for (const [what, icons] of Object.entries(iconSets)) {
    for (const size of ['16', '32', '48', '128']) {
      const path = icons?.[size];
      const bytes = path ? files[path] : undefined;
      const actual = bytes ? pngSize(bytes) : undefined;
      if (!actual) fail(`${what} ${size}: ${path ?? 'not in the manifest'} is missing or not a PNG`);
      else if (actual[0] !== Number(size) || actual[1] !== Number(size)) fail(`${what} ${size}: ${path} is ${actual.join('×')}`);
    }
  }

  const locales = Object.keys(files).flatMap((path) => /^_locales\/([^/]+)\/messages\.json$/.exec(path)?.[1] ?? []);
  if (!locales.includes(String(manifest.default_locale))) fail(`default locale ${String(manifest.default_locale)} has no messages`);
  for (const want of ['en', 'vi']) if (!locales.includes(want)) fail(`no ${want} locale`);
  const keys = [...JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)].map((match) => match[1]!);
  for (const locale of locales) {
    const messages = JSON.parse(strFromU8(files[`_locales/${locale}/messages.json`]!)) as Record<string, { message?: string }>;
    for (const key of keys) if (!messages[key]?.message) fail(`${key} has no ${locale} message`);
  }

  const permissions = [...((manifest.permissions as string[] | undefined) ?? [])].sort();
  if (JSON.stringify(permissions) !== JSON.stringify(PERMISSIONS[browser]))
    fail(`permissions ${permissions.join(', ')}; expected ${PERMISSIONS[browser]!.join(', ')}`);
  if (((manifest.host_permissions as string[] | undefined) ?? []).length > 0) fail('asks for host permissions');
  if (manifest.content_security_policy) fail('changes the content security policy');

  // No remote code: pages load only their own scripts, scripts import nothing from the network.
  for (const [path, bytes] of Object.entries(files)) {
    if (path.endsWith('.html') && /<script[^>]+src=["']?(?:https?:)?\/\//i.test(strFromU8(bytes))) fail(`${path} loads a script from the network`);
    if (path.endsWith('.js') && /(?:importScripts\(|import\(|\bfrom)\s*["'`](?:https?:)?\/\//.test(strFromU8(bytes)))
      fail(`${path} imports code from the network`);
  }
  console.log(`${zipPath}: ${Object.keys(files).length} files, locales ${locales.sort().join(', ')}, permissions ${permissions.join(', ')}`);
}

for (const browser of ['chrome', 'firefox']) checkPackage(browser);
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('packages: ok');

/**
 * The cryptography of sync (docs/sync.md), on WebCrypto only: the same code runs in the extension's
 * worker and in Node (tests, bench).
 *
 * - Keys: PBKDF2-SHA-256 over the passphrase with the archive's random 16-byte salt and
 *   `ITERATIONS` rounds gives 512 bits: the first half is the AES-GCM key that encrypts documents,
 *   the second the HMAC-SHA-256 key that makes their ids. Neither key is extractable.
 * - Documents: AES-GCM with a fresh random 96-bit IV per encryption; the document's id is the
 *   additional data, so the server cannot move a ciphertext to another id unnoticed.
 * - Ids: "a" + the HMAC of the article's normalised URL (base64url), the same on every device with
 *   the passphrase, and meaningless without it.
 * - The key check: a fixed text encrypted with the key, kept beside the salt in the archive's
 *   plaintext meta document. A passphrase that cannot decrypt it is wrong, and that is known before
 *   anything is read or written.
 */

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA-256. About 0.3 s on a laptop, once per device and passphrase. */
export const ITERATIONS = 600_000;
/** Below this a meta document is refused: a server could otherwise weaken the derivation for a joining device. */
export const MIN_ITERATIONS = 100_000;
const CHECK_TEXT = 'backstory-sync-key-check-v1';
const enc = new TextEncoder();
const dec = new TextDecoder();

export interface SyncKeys {
  /** AES-GCM, 256 bits. */
  enc: CryptoKey;
  /** HMAC-SHA-256, for document ids. */
  mac: CryptoKey;
}

/** An encrypted value: base64 of the IV and of the ciphertext with its tag. */
export interface Sealed {
  iv: string;
  ct: string;
}

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

const base64url = (bytes: Uint8Array) => toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

export function randomSalt(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(16));
}

/** The 512 key bits for a passphrase and salt (slow on purpose). Kept by the background so the passphrase itself need not be. */
export async function deriveBits(passphrase: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const base = await crypto.subtle.importKey('raw', enc.encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, base, 512));
}

/** The two working keys from the derived bits. */
export async function keysFrom(bits: Uint8Array): Promise<SyncKeys> {
  if (bits.length !== 64) throw new Error('Sync key material must be 64 bytes.');
  const [encKey, macKey] = await Promise.all([
    crypto.subtle.importKey('raw', bits.slice(0, 32) as BufferSource, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']),
    crypto.subtle.importKey('raw', bits.slice(32) as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']),
  ]);
  return { enc: encKey, mac: macKey };
}

export async function seal(keys: SyncKeys, aad: string, plaintext: string): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: enc.encode(aad) }, keys.enc, enc.encode(plaintext)));
  return { iv: toBase64(iv), ct: toBase64(ct) };
}

/** The plaintext, or null when the key, the id or the ciphertext is not the one it was sealed with. */
export async function open(keys: SyncKeys, aad: string, sealed: Sealed): Promise<string | null> {
  try {
    const iv = fromBase64(sealed.iv);
    if (iv.length !== 12) return null;
    const pt = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: iv as BufferSource, additionalData: enc.encode(aad) }, keys.enc, fromBase64(sealed.ct) as BufferSource);
    return dec.decode(pt);
  } catch {
    return null;
  }
}

/** The opaque document id of an article (by its normalised URL). */
export async function articleId(keys: SyncKeys, url: string): Promise<string> {
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', keys.mac, enc.encode(`article\u0000${url}`)));
  return `a${base64url(mac)}`;
}

/** The opaque id of the document holding the settings the reader shares (one per archive). */
export async function settingsId(keys: SyncKeys): Promise<string> {
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', keys.mac, enc.encode('settings\u0000')));
  return `s${base64url(mac)}`;
}

/** Whether a document id is one of an article (not the meta document or a design document). */
export const isArticleId = (id: string) => /^a[A-Za-z0-9_-]{43}$/.test(id);

/** What the meta document holds about the keys: readable by the server, useless without the passphrase. */
export interface KeyInfo {
  kdf: 'PBKDF2-SHA-256';
  iterations: number;
  salt: string;
  check: Sealed;
}

export const checkAad = (salt: string) => `key-check\u0000${salt}`;

/** A new archive's key information and its key bits. */
export async function newKeyInfo(passphrase: string, iterations = ITERATIONS): Promise<{ info: KeyInfo; bits: Uint8Array }> {
  const salt = randomSalt();
  const bits = await deriveBits(passphrase, salt, iterations);
  const keys = await keysFrom(bits);
  const saltText = toBase64(salt);
  return { info: { kdf: 'PBKDF2-SHA-256', iterations, salt: saltText, check: await seal(keys, checkAad(saltText), CHECK_TEXT) }, bits };
}

/** The key bits for an archive's key information, or null when the passphrase does not open it. */
export async function unlock(info: KeyInfo, passphrase: string): Promise<Uint8Array | null> {
  const bits = await deriveBits(passphrase, fromBase64(info.salt), info.iterations);
  return (await checkBits(info, bits)) ? bits : null;
}

/** Whether key bits kept from earlier still open this key information (the server's archive may have been replaced). */
export async function checkBits(info: KeyInfo, bits: Uint8Array): Promise<boolean> {
  return (await open(await keysFrom(bits), checkAad(info.salt), info.check)) === CHECK_TEXT;
}

import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** scrypt (memory-hard); the parameters travel with the hash so they can be raised later. */
export async function hashPassword(password: string, logN: number): Promise<string> {
  const N = 2 ** logN;
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, 8, 1);
  return `scrypt$${logN}$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, logN, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), 2 ** Number(logN), Number(r), Number(p));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

const COMMON = new Set([
  'password',
  'password1',
  'password123',
  '12345678',
  '123456789',
  '1234567890',
  'qwertyuiop',
  'letmein123',
  'iloveyou1',
  'welcome123',
  'admin12345',
  'changeme123',
]);

/** Null when acceptable, else why not: at least 10 characters, letters and digits, not a common password nor the email. */
export function passwordWeakness(password: string, email: string): string | null {
  if (password.length < 10) return 'Use at least 10 characters';
  if (password.length > 200) return 'Use at most 200 characters';
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return 'Use letters and digits';
  const lower = password.toLowerCase();
  if (
    COMMON.has(lower) ||
    lower === email.toLowerCase() ||
    (lower.includes(email.toLowerCase().split('@')[0]) && email.split('@')[0].length >= 4)
  ) {
    return 'That password is too easy to guess';
  }
  return null;
}

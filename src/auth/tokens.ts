import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { SignJWT, jwtVerify, errors } from 'jose';

const ISSUER = 'channelgraph';

/** JWT_SECRET when set; otherwise one generated on first start and kept in the data dir. */
export async function loadTokenSecret(configured: string | undefined, dataDir: string): Promise<Uint8Array> {
  if (configured) return new TextEncoder().encode(configured);
  const file = join(dataDir, 'jwt-secret');
  if (!existsSync(file)) {
    await mkdir(dataDir, { recursive: true });
    await writeFile(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' }).catch((e) => {
      if (e.code !== 'EEXIST') throw e;
    });
  }
  return new TextEncoder().encode((await readFile(file, 'utf8')).trim());
}

export interface Tokens {
  /** `version`: the user's token version now (users.token_version); the token is refused once it moves on. */
  issue: (userId: number, version?: number) => Promise<{ token: string; expiresAt: Date }>;
  /** The user id and the token version it was issued at, or a reason the token is not accepted. */
  verify: (token: string) => Promise<{ userId: number; version: number } | { error: 'expired' | 'invalid' }>;
}

export function createTokens(secret: Uint8Array, ttlSeconds: number): Tokens {
  return {
    async issue(userId, version = 0) {
      const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
      const token = await new SignJWT({ ver: version })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(String(userId))
        .setIssuer(ISSUER)
        .setIssuedAt()
        .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
        .sign(secret);
      return { token, expiresAt };
    },
    async verify(token) {
      try {
        // Every token this server issues expires: one without `exp` (or a subject) is not one of ours.
        const { payload } = await jwtVerify(token, secret, {
          issuer: ISSUER,
          algorithms: ['HS256'],
          requiredClaims: ['exp', 'sub'],
        });
        const userId = Number(payload.sub);
        // Tokens from before versions existed carry none: they are version 0, refused after the first bump.
        const version = payload.ver ?? 0;
        if (!Number.isSafeInteger(version)) return { error: 'invalid' };
        return Number.isSafeInteger(userId) && userId > 0
          ? { userId, version: version as number }
          : { error: 'invalid' };
      } catch (e) {
        return { error: e instanceof errors.JWTExpired ? 'expired' : 'invalid' };
      }
    },
  };
}

// The V1–V5 suite of test/visibility.test.ts again, every viewer an API key of the same account and role.
process.env.WORLD_CREDENTIALS = 'apiKey';
await import('./visibility.test.js');
export {};

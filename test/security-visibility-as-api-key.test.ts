// Issue 11's V4/V5 and "who manages whose users" suite again, every world viewer an API key of the same account and role.
process.env.WORLD_CREDENTIALS = 'apiKey';
await import('./security-visibility.test.js');
export {};

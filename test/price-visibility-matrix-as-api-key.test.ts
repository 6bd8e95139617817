// The same suite again, every world viewer an API key of the same account and role (keys go through the same viewer resolution, shield rules and SQL scope).
process.env.WORLD_CREDENTIALS = 'apiKey';
await import('./price-visibility-matrix.test.js');
export {};

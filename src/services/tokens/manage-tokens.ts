/** The API tokens' use cases, one per file; re-exported here for the command line and older importers. */
export { createApiToken, type NewApiToken } from './create-api-token.js';
export { listApiTokens, listApiTokens as listTokens } from './list-api-tokens.js';
export { revokeApiToken } from './revoke-api-token.js';
export { toApiTokenRecord, type ApiTokenRecord } from './token-record.js';

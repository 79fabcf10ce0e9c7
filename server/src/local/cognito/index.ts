export { CognitoApiError, callCognitoApi } from './cognito-api-call.js';
export type { CognitoLocalProcess, CognitoLocalProcessOptions } from './cognito-local-process.js';
export { startCognitoLocalProcess } from './cognito-local-process.js';
export type { LocalCognito, LocalCognitoOptions } from './local-cognito.js';
export { startLocalCognito } from './local-cognito.js';
export type { LocalUserPoolSpec, SeededUserPool } from './local-user-pool-seed.js';
export { DEFAULT_LOCAL_USER_POOL, seedLocalUserPool } from './local-user-pool-seed.js';
export type { RefreshTokenShim, RefreshTokenShimOptions } from './refresh-token-shim.js';
export { refreshAsInitiateAuth, startRefreshTokenShim } from './refresh-token-shim.js';

export {
  FUNCTION_URL_SIGNING_SERVICE,
  LOCAL_AWS_CREDENTIALS,
  LOCAL_AWS_REGION,
} from './local-credentials.js';
export type { OacEmulator, OacEmulatorOptions } from './oac-emulator.js';
export { startOacEmulator } from './oac-emulator.js';
export type {
  OacSignatureHeaders,
  OriginRequestToSign,
  SigningCredentials,
} from './oac-request-signer.js';
export { signOriginRequest } from './oac-request-signer.js';

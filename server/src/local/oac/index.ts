export type { OacEmulator, OacEmulatorOptions } from './oac-emulator.js';
export { startOacEmulator } from './oac-emulator.js';
export type {
  OacSignatureHeaders,
  OriginRequestToSign,
  SigningCredentials,
} from './oac-request-signer.js';
export { FUNCTION_URL_SIGNING_SERVICE, signOriginRequest } from './oac-request-signer.js';

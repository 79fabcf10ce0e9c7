/**
 * The parts of a Lambda Function URL event (payload format 2.0) the adapter reads. Declared
 * here so the public types do not depend on `@types/aws-lambda`.
 */
export interface FunctionUrlEvent {
  version?: string;
  rawPath?: string;
  rawQueryString?: string;
  headers?: Record<string, string | undefined>;
  body?: string;
  isBase64Encoded?: boolean;
  requestContext: {
    requestId?: string;
    http: { method: string; path?: string; sourceIp?: string };
  };
}

/** The parts of the Lambda context the adapter reads. */
export interface FunctionUrlContext {
  awsRequestId?: string;
}

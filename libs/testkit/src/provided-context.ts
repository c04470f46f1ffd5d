// What globalSetup hands to test files through provide/inject.
declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string;
    pgTemplate: string;
    redisUrl: string;
    runId: string;
  }
}

export {};

// Test support: the EventStoreDB server the contract suite runs against (see jest.config.js for when it runs).
export const TEST_IMAGE = 'eventstore/eventstore:24.10';

export interface TestServer {
  connectionString: string;
  description: string;
  stop(): Promise<void>;
}

/** EVENTSTORE_CONNECTION_STRING when set, else a throw-away single insecure node through Testcontainers. */
export async function startTestServer(env: NodeJS.ProcessEnv = process.env): Promise<TestServer> {
  if (env.EVENTSTORE_CONNECTION_STRING) {
    return { connectionString: env.EVENTSTORE_CONNECTION_STRING, description: 'EVENTSTORE_CONNECTION_STRING', stop: async () => {} };
  }
  // Optional dependency, loaded by name so that the project builds without it.
  const moduleName = 'testcontainers';
  const tc: any = await import(moduleName).catch((error: unknown) => {
    throw new Error(`EVENTSTORE_CONNECTION_STRING is unset and testcontainers cannot be loaded: ${(error as Error).message}`);
  });
  const container = await new tc.GenericContainer(TEST_IMAGE)
    .withEnvironment({
      EVENTSTORE_INSECURE: 'true',
      EVENTSTORE_CLUSTER_SIZE: '1',
      EVENTSTORE_RUN_PROJECTIONS: 'None',
      EVENTSTORE_MEM_DB: 'true',
    })
    .withExposedPorts(2113)
    .withWaitStrategy(tc.Wait.forHttp('/health/live', 2113).forStatusCode(204))
    .withStartupTimeout(120_000)
    .start();
  return {
    connectionString: `esdb://${container.getHost()}:${container.getMappedPort(2113)}?tls=false`,
    description: `Testcontainers ${TEST_IMAGE}`,
    stop: async () => {
      await container.stop();
    },
  };
}

import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseDocument } from 'yaml';

// Static checks of the compose/deploy files (no Docker engine here). `docker compose config` cannot
// run on this machine (no compose plugin); see deploy/README.md for what was checked and how.
const ROOT = process.cwd();
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

type Service = {
  image?: string;
  build?: { context: string; dockerfile: string; args?: Record<string, string> };
  env_file?: string | string[];
  environment?: Record<string, string>;
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  networks?: Record<string, { ipv4_address?: string }> | string[];
  command?: string[];
  healthcheck?: { test: string[] };
  secrets?: { source: string; target: string; uid?: string; gid?: string; mode?: number }[];
  ports?: string[];
};

type ComposeFile = {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
  secrets?: Record<string, { environment?: string }>;
};

function yamlFile(path: string): ComposeFile {
  const doc = parseDocument(read(path));
  expect(doc.errors).toEqual([]);
  expect(doc.warnings).toEqual([]);
  return doc.toJS({ maxAliasCount: 100 });
}

function envFile(path: string): Record<string, string> {
  return Object.fromEntries(
    read(path)
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'))
      .map((l) => {
        const i = l.indexOf('=');
        return [l.slice(0, i), l.slice(i + 1)];
      }),
  );
}

/** The environment a service gets: its env_file(s) (relative to the compose file), then `environment`. */
function envOf(service: Service, dir: string): Record<string, string> {
  const files = service.env_file === undefined ? [] : ([] as string[]).concat(service.env_file);
  return Object.assign({}, ...files.map((f) => envFile(join(dir, f))), service.environment ?? {});
}

describe('docker-compose.yml (development)', () => {
  const { services } = yamlFile('docker-compose.yml');

  it('runs one insecure EventStoreDB node and the API on it with STORE=eventstoredb', () => {
    const esdb = services.eventstoredb!;
    expect(esdb.image).toMatch(/^eventstore\/eventstore:/);
    expect(esdb.environment).toMatchObject({ EVENTSTORE_CLUSTER_SIZE: '1', EVENTSTORE_INSECURE: 'true' });
    const api = services.api!;
    expect(api.build).toEqual({ context: '.', dockerfile: 'deploy/Dockerfile', args: { NODE_VERSION: expect.any(String) } });
    expect(api.environment).toMatchObject({
      STORE: 'eventstoredb',
      EVENTSTORE_CONNECTION_STRING: 'esdb://eventstoredb:2113?tls=false',
      DATA_DIR: '/data',
    });
    expect(api.depends_on).toEqual({ eventstoredb: { condition: 'service_healthy' } });
  });

  it('runs the API in demo mode, explicitly (the image defaults to production), published on this machine only', () => {
    expect(services.api!.environment).toMatchObject({ MODE: 'demo' });
    expect(services.api!.ports).toEqual(['127.0.0.1:3000:3000']);
  });
});

describe('deploy/cluster/docker-compose.yml (3-node secure cluster, API replicas, proxy)', () => {
  const dir = 'deploy/cluster';
  const { services, volumes, secrets } = yamlFile(`${dir}/docker-compose.yml`);
  const nodes = Object.entries(services).filter(([, s]) => s.image?.startsWith('eventstore/eventstore:'));
  const apis = Object.entries(services).filter(([, s]) => s.build?.dockerfile === 'deploy/Dockerfile');
  const ipOf = (s: Service) => (s.networks as Record<string, { ipv4_address?: string }>).esdb!.ipv4_address!;

  it('has three secure EventStoreDB nodes, cluster size 3, each seeded with the two others', () => {
    expect(nodes).toHaveLength(3);
    for (const [name, node] of nodes) {
      const env = envOf(node, dir);
      expect(env.EVENTSTORE_CLUSTER_SIZE).toBe('3');
      expect(env.EVENTSTORE_INSECURE).toBeUndefined();
      expect(env.EVENTSTORE_DISCOVER_VIA_DNS).toBe('false');
      expect(env.EVENTSTORE_REPLICATION_IP).toBe(ipOf(node));
      const others = nodes.filter(([n]) => n !== name).map(([, s]) => `${ipOf(s)}:2113`);
      expect(env.EVENTSTORE_GOSSIP_SEED!.split(',').sort()).toEqual(others.sort());
      expect(node.healthcheck!.test.join(' ')).toContain('https://localhost:2113/health/live');
    }
  });

  it('mounts the generated certificates: trusted CA plus each node its own certificate and key', () => {
    const certs = services.certs!;
    expect(certs.image).toMatch(/^eventstore\/es-gencert-cli:/);
    const script = certs.command!.join(' ');
    expect(script).toContain('create-ca');
    expect(volumes).toHaveProperty('certs');
    nodes.forEach(([name, node], i) => {
      const env = envOf(node, dir);
      const n = i + 1;
      expect(name).toBe(`esdb-node${n}`);
      expect(node.volumes).toContain('certs:/certs:ro');
      expect(env.EVENTSTORE_TRUSTED_ROOT_CERTIFICATES_PATH).toBe('/certs/ca');
      expect(env.EVENTSTORE_CERTIFICATE_FILE).toBe(`/certs/node${n}/node.crt`);
      expect(env.EVENTSTORE_CERTIFICATE_PRIVATE_KEY_FILE).toBe(`/certs/node${n}/node.key`);
      expect(node.depends_on).toEqual({ certs: { condition: 'service_completed_successfully' } });
      // The loop in the script issues node<i> for 172.30.240.1<i> and esdb-node<i>: the SANs match the node.
      expect(ipOf(node)).toBe(`172.30.240.1${n}`);
    });
    expect(script).toMatch(
      /for i in 1 2 3;.*-out \.\/node\$\$i.*-ip-addresses 127\.0\.0\.1,172\.30\.240\.1\$\$i -dns-names localhost,esdb-node\$\$i/s,
    );
  });

  it('runs two or more API replicas on the cluster with STORE=eventstoredb, each its own id and data', () => {
    expect(apis.length).toBeGreaterThanOrEqual(2);
    const ids = new Set<string>();
    for (const [, api] of apis) {
      const env = envOf(api, dir);
      expect(env.STORE).toBe('eventstoredb');
      const cs = env.EVENTSTORE_CONNECTION_STRING!;
      for (const [name] of nodes) expect(cs).toContain(`${name}:2113`);
      expect(cs).toMatch(/tls=true/);
      expect(cs).toMatch(/tlsCAFile=\/certs\/ca\/ca\.crt/);
      expect(api.volumes).toContain('certs:/certs:ro');
      expect(env.DATA_DIR).toBe('/data');
      ids.add(env.REPLICA_ID!);
      expect(Object.keys(api.depends_on!).sort()).toEqual(nodes.map(([n]) => n).sort());
    }
    expect(ids.size).toBe(apis.length);
  });

  it('runs every replica with MODE=production and the JWT secret as a Compose secret file the API user alone reads', () => {
    const apiUid = /useradd .*--uid (\d+)/.exec(read('deploy/Dockerfile'))![1]!;
    expect(secrets).toEqual({ jwt_secret: { environment: 'JWT_SECRET' } });
    for (const [, api] of apis) {
      const env = envOf(api, dir);
      expect(env.MODE).toBe('production');
      expect(env.JWT_SECRET).toBeUndefined();
      expect(env.JWT_SECRET_FILE).toBe('/run/secrets/jwt_secret');
      expect(api.secrets).toEqual([{ source: 'jwt_secret', target: 'jwt_secret', uid: apiUid, gid: apiUid, mode: 0o400 }]);
    }
  });

  it('puts nginx in front, with an upstream that lists every replica', () => {
    const proxy = services.proxy!;
    expect(proxy.image).toMatch(/^nginx:/);
    expect(proxy.volumes).toContain('../nginx.conf:/etc/nginx/nginx.conf:ro');
    const conf = read('deploy/nginx.conf');
    const upstream = /upstream\s+(\w+)\s*\{([^}]*)\}/.exec(conf);
    expect(upstream).not.toBeNull();
    const servers = [...upstream![2]!.matchAll(/^\s*server\s+([\w.-]+:\d+)/gm)].map((m) => m[1]);
    expect(servers.sort()).toEqual(apis.map(([name]) => `${name}:3000`).sort());
    expect(conf).toContain(`proxy_pass http://${upstream![1]};`);
    expect(Object.keys(proxy.depends_on!).sort()).toEqual(apis.map(([n]) => n).sort());
    // The access log has the path, never the query (the dashboard stream's access_token is there).
    const format = /log_format\s+(\w+)\s+([^;]+);/.exec(conf);
    expect(conf).toContain(`access_log /dev/stdout ${format![1]};`);
    expect(format![2]).toContain('$uri');
    expect(format![2]).not.toMatch(/\$(request|request_uri|args|query_string)\b/);
    // The metrics are scraped on the internal network: the public proxy answers 404.
    expect(conf).toMatch(/location = \/metrics \{\s*return 404;\s*\}/);
  });
});

describe('deploy/Dockerfile', () => {
  const lines = read('deploy/Dockerfile')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const stages = lines.flatMap((l, i) => (/^FROM\s/i.test(l) ? [i] : []));
  const final = lines.slice(stages.at(-1));
  const build = lines.slice(stages[0], stages[1]);

  it('is multi-stage on node:<NODE_VERSION>-bookworm-slim: npm ci and build, then a runtime with dist and production node_modules', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const i of stages) expect(lines[i]).toMatch(/^FROM node:\$\{NODE_VERSION\}-bookworm-slim AS \w+/);
    expect(build.join('\n')).toMatch(/RUN npm ci/);
    expect(build.join('\n')).toMatch(/RUN npm run build .*npm prune --omit=dev/);
    expect(final).toEqual(
      expect.arrayContaining(['COPY --from=build /app/dist ./dist', 'COPY --from=build /app/node_modules ./node_modules']),
    );
    for (const l of lines.filter((x) => /^COPY (?!--from)/.test(x))) {
      for (const src of l.split(/\s+/).slice(1, -1)) expect(existsSync(resolve(ROOT, src))).toBe(true);
    }
  });

  it('ends running as a non-root user, with a readiness check on GET /health/ready and the API on port 3000 of every interface', () => {
    const users = final.filter((l) => l.startsWith('USER '));
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^USER\s+(root|0)(:|$)/);
    const health = final.find((l) => l.startsWith('HEALTHCHECK '));
    expect(health).toContain('http://127.0.0.1:3000/health/ready');
    expect(final.indexOf(health!)).toBeGreaterThan(final.indexOf(users.at(-1)!));
    expect(final).toContain('EXPOSE 3000');
    expect(final.join('\n')).toMatch(/ENV .*DATA_DIR=\/data/);
    // The API binds 127.0.0.1 unless HOST says otherwise: a container must listen on its own interface.
    expect(final.join('\n')).toMatch(/ENV (.|\n)*HOST=0\.0\.0\.0/);
    expect(final.join('\n')).toMatch(/ENV .*MODE=production/);
    expect(final.at(-1)).toBe('CMD ["node", "dist/apps/api/src/main.js"]');
  });
});

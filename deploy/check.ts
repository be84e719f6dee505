/**
 * `npx tsx deploy/check.ts`: an offline sanity check of the manifests (no cluster, no kubeconform).
 * Parses every YAML file under deploy/ and checks what would otherwise fail only in the cluster:
 * kustomization.yaml lists every manifest and every file it names exists; each Deployment has
 * readiness (/ready) and liveness (/health) probes on a port it declares, resources, a non-root
 * read-only container, and a grace period longer than preStop + the code's drain deadline; each
 * Service, PodDisruptionBudget, NetworkPolicy and the HPA select or target something that exists;
 * every subgraph has a Deployment, a Service and a gateway <NAME>_URL that agree on name and port;
 * keys go only where they belong; deploy/supergraph.graphql is the composed one.
 * Prints one line per failure and exits 1, or prints a summary.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";
import { SUBGRAPH_NAMES, DEFAULT_PORTS } from "../subgraphs";
import { envPrefix } from "../subgraphs/kit/subgraph";

type Doc = { file: string; kind: string; name: string; body: any };
type Labels = Record<string, string>;

const DEPLOY = dirname(fileURLToPath(import.meta.url));
const ROOT = join(DEPLOY, "..");
const failures: string[] = [];
const fail = (message: string) => failures.push(message);

// ------------------------------------------------------------------ files and kustomization.yaml

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(entry.name) ? [relative(DEPLOY, path)] : [];
  });
}

const kustomization = parseAllDocuments(readFileSync(join(DEPLOY, "kustomization.yaml"), "utf8"))[0].toJS();
const resources: string[] = kustomization.resources ?? [];
const generators: { name: string; files?: string[]; envs?: string[] }[] = kustomization.configMapGenerator ?? [];
const generated = new Map(generators.map((g) => [g.name, g]));
// Templates (*.example.yaml) are kept out on purpose: applying placeholders would overwrite real Secrets.
const manifests = yamlFiles(DEPLOY).filter((f) => f !== "kustomization.yaml" && !f.endsWith(".example.yaml"));
for (const file of manifests) if (!resources.includes(file)) fail(`kustomization.yaml: ${file} is not listed in resources`);
for (const file of resources) if (!existsSync(join(DEPLOY, file))) fail(`kustomization.yaml: resource ${file} does not exist`);
for (const g of generators) for (const file of [...(g.files ?? []), ...(g.envs ?? [])]) {
  const path = file.replace(/^[^=]+=/, "");
  if (!existsSync(join(DEPLOY, path))) fail(`kustomization.yaml: configMapGenerator ${g.name} names ${path}, which does not exist`);
}

/** KEY=value lines of a kustomize env file. */
function envFile(file: string): Record<string, string> {
  const lines = readFileSync(join(DEPLOY, file), "utf8").split("\n").filter((l) => l.trim() && !l.trim().startsWith("#"));
  return Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]));
}
const envOfConfigMap = (name: string): Record<string, string> => Object.assign({}, ...(generated.get(name)?.envs ?? []).map(envFile));

// -------------------------------------------------------------------------------------- parsing

const docs: Doc[] = [];
for (const file of [...manifests, ...yamlFiles(DEPLOY).filter((f) => f.endsWith(".example.yaml"))]) {
  for (const document of parseAllDocuments(readFileSync(join(DEPLOY, file), "utf8"))) {
    if (document.errors.length) {
      fail(`${file}: ${document.errors[0].message}`);
      continue;
    }
    const body = document.toJS();
    if (!body) continue;
    if (!body.apiVersion || !body.kind || !body.metadata?.name) fail(`${file}: a document lacks apiVersion, kind or metadata.name`);
    else docs.push({ file, kind: body.kind, name: body.metadata.name, body });
  }
}
const applied = docs.filter((d) => !d.file.endsWith(".example.yaml"));
const of = (kind: string) => applied.filter((d) => d.kind === kind);
const deployments = of("Deployment");
const podLabels = (d: Doc): Labels => d.body.spec?.template?.metadata?.labels ?? {};
const selects = (selector: Labels, labels: Labels) => Object.entries(selector).every(([k, v]) => labels[k] === v);
const selected = (selector: Labels) => deployments.filter((d) => selects(selector, podLabels(d)));
for (const kind of ["Deployment", "Service", "NetworkPolicy", "PodDisruptionBudget", "HorizontalPodAutoscaler"]) {
  const names = of(kind).map((d) => d.name);
  for (const name of new Set(names)) if (names.filter((n) => n === name).length > 1) fail(`${kind} ${name} is defined twice`);
}

// ---------------------------------------------------------------------------------- Deployments

/** The drain deadline of the process entry points (exitGracefully's graceMs default). */
const shutdownSource = readFileSync(join(ROOT, "platform/shutdown.ts"), "utf8");
const drainMs = Number(/graceMs\s*=\s*([\d_]+)/.exec(shutdownSource)?.[1].replace(/_/g, "") ?? NaN);
if (!Number.isFinite(drainMs)) fail("platform/shutdown.ts: cannot find the graceMs default");

for (const d of deployments) {
  const where = `Deployment ${d.name} (${d.file})`;
  const spec = d.body.spec ?? {};
  const pod = spec.template?.spec ?? {};
  if (!selects(spec.selector?.matchLabels ?? {}, podLabels(d)) || !Object.keys(spec.selector?.matchLabels ?? {}).length) {
    fail(`${where}: selector.matchLabels does not match the pod template's labels`);
  }
  if (pod.securityContext?.runAsNonRoot !== true) fail(`${where}: pod securityContext.runAsNonRoot is not true`);
  const containers: any[] = pod.containers ?? [];
  if (!containers.length) fail(`${where}: no containers`);
  for (const c of containers) {
    const at = `${where} container ${c.name}`;
    const ports: any[] = c.ports ?? [];
    const hasPort = (port: unknown) => ports.some((p) => p.name === port || p.containerPort === port);
    for (const [probe, path] of [["readinessProbe", "/ready"], ["livenessProbe", "/health"]] as const) {
      const get = c[probe]?.httpGet;
      if (!get) fail(`${at}: no ${probe}`);
      else if (get.path !== path) fail(`${at}: ${probe} is GET ${get.path}, expected ${path}`);
      else if (!hasPort(get.port)) fail(`${at}: ${probe} port ${get.port} is not a container port`);
    }
    for (const side of ["requests", "limits"]) for (const resource of ["cpu", "memory"]) {
      if (!c.resources?.[side]?.[resource]) fail(`${at}: no resources.${side}.${resource}`);
    }
    if (c.securityContext?.readOnlyRootFilesystem !== true) fail(`${at}: readOnlyRootFilesystem is not true`);
    if (c.securityContext?.allowPrivilegeEscalation !== false) fail(`${at}: allowPrivilegeEscalation is not false`);
    if (!(c.volumeMounts ?? []).some((m: any) => m.mountPath === "/tmp")) fail(`${at}: no writable /tmp (tsx's cache) with a read-only root`);
    const preStop = c.lifecycle?.preStop?.exec?.command;
    const preStopSeconds = preStop?.[0] === "sleep" ? Number(preStop[1]) : 0;
    const grace = pod.terminationGracePeriodSeconds ?? 30;
    if (!(grace > preStopSeconds + drainMs / 1000)) {
      fail(`${where}: terminationGracePeriodSeconds ${grace} is not above preStop ${preStopSeconds} s + drain ${drainMs / 1000} s`);
    }
    for (const ref of c.envFrom ?? []) {
      const name = ref.configMapRef?.name;
      if (name && !generated.has(name) && !of("ConfigMap").some((m) => m.name === name)) fail(`${at}: envFrom ConfigMap ${name} is not defined`);
    }
  }
  for (const v of pod.volumes ?? []) {
    if (v.configMap && !generated.has(v.configMap.name)) fail(`${where}: volume ${v.name} uses ConfigMap ${v.configMap.name}, which is not generated`);
  }
}

// -------------------------------------------------------------- Services and other selectors

for (const s of of("Service")) {
  const selector: Labels = s.body.spec?.selector ?? {};
  const targets = Object.keys(selector).length ? selected(selector) : [];
  if (!targets.length) fail(`Service ${s.name} (${s.file}): selector ${JSON.stringify(selector)} matches no Deployment's pod labels`);
  for (const port of s.body.spec?.ports ?? []) {
    const target = port.targetPort ?? port.port;
    for (const t of targets) {
      const declared = t.body.spec.template.spec.containers.some((c: any) => (c.ports ?? []).some((p: any) => p.name === target || p.containerPort === target));
      if (!declared) fail(`Service ${s.name}: targetPort ${target} is not a container port of Deployment ${t.name}`);
    }
  }
}
for (const p of [...of("PodDisruptionBudget"), ...of("NetworkPolicy")]) {
  const selector: Labels = (p.kind === "NetworkPolicy" ? p.body.spec?.podSelector : p.body.spec?.selector)?.matchLabels ?? {};
  if (!selected(selector).length) fail(`${p.kind} ${p.name}: selector ${JSON.stringify(selector)} matches no Deployment`);
}
for (const h of of("HorizontalPodAutoscaler")) {
  const target = h.body.spec?.scaleTargetRef;
  const d = deployments.find((x) => x.name === target?.name && target?.kind === "Deployment");
  if (!d) fail(`HorizontalPodAutoscaler ${h.name}: scaleTargetRef ${target?.kind}/${target?.name} does not exist`);
  else if (d.body.spec.replicas !== undefined) fail(`Deployment ${d.name}: sets replicas although HPA ${h.name} owns them`);
}

// ------------------------------------------------------ subgraphs, the gateway's URLs, the keys

const gateway = deployments.find((d) => d.name === "gateway");
const container = (d: Doc | undefined) => d?.body.spec.template.spec.containers[0];
const envNames = (d: Doc | undefined): string[] => [
  ...(container(d)?.env ?? []).map((e: any) => e.name),
  ...(container(d)?.envFrom ?? []).flatMap((r: any) => Object.keys(envOfConfigMap(r.configMapRef?.name))),
];
const secretsOf = (d: Doc | undefined): string[] => [
  ...(container(d)?.env ?? []).map((e: any) => e.valueFrom?.secretKeyRef?.name).filter(Boolean),
  ...(d?.body.spec.template.spec.volumes ?? []).map((v: any) => v.secret?.secretName).filter(Boolean),
];
const gatewayEnv = envOfConfigMap(container(gateway)?.envFrom?.[0]?.configMapRef?.name ?? "");
if (!gateway) fail("no Deployment named gateway");

for (const name of SUBGRAPH_NAMES) {
  const d = deployments.find((x) => x.name === name);
  const s = of("Service").find((x) => x.name === name);
  const port = DEFAULT_PORTS[name];
  if (!d) {
    fail(`subgraph ${name}: no Deployment`);
    continue;
  }
  const c = container(d);
  if (c.command?.join(" ") !== `node --import tsx scripts/start-subgraph.ts ${name}`) fail(`Deployment ${name}: command is not start-subgraph.ts ${name}`);
  const envPort = (c.env ?? []).find((e: any) => e.name === `${envPrefix(name)}_PORT`)?.value;
  if (Number(envPort) !== port || !(c.ports ?? []).some((p: any) => p.containerPort === port)) {
    fail(`Deployment ${name}: ${envPrefix(name)}_PORT (${envPort}) and containerPort must both be ${port}`);
  }
  if (!s || !(s.body.spec.ports ?? []).some((p: any) => p.port === port)) fail(`subgraph ${name}: no Service ${name} on port ${port}`);
  const url = gatewayEnv[`${envPrefix(name)}_URL`];
  if (url !== `http://${name}:${port}/graphql`) fail(`gateway: ${envPrefix(name)}_URL is ${url}, expected http://${name}:${port}/graphql`);
  for (const needed of ["DATABASE_URL", "PSEUDONYM_KEY", "CIRCUMSTANCES_KEY", "RECORDED_ACCESS_KEY", "INTERNAL_TOKEN_PUBLIC_KEY_FILE", "SUBGRAPH_HOST"]) {
    if (!envNames(d).includes(needed)) fail(`Deployment ${name}: no ${needed}`);
  }
  if (envNames(d).includes("INTERNAL_TOKEN_PRIVATE_KEY_FILE") || secretsOf(d).includes("naeil-internal-token-private")) {
    fail(`Deployment ${name}: a subgraph must not get the internal token's private key`);
  }
  if (envNames(d).includes("PERSONAL_CACHE_KEY") || secretsOf(d).includes("naeil-personal-cache-key")) fail(`Deployment ${name}: a subgraph must not get PERSONAL_CACHE_KEY`);
}
if (gateway) {
  if (envNames(gateway).includes("PSEUDONYM_KEY") || secretsOf(gateway).includes("naeil-pseudonym-key")) fail("gateway: must not get PSEUDONYM_KEY");
  if (envNames(gateway).includes("CIRCUMSTANCES_KEY") || secretsOf(gateway).includes("naeil-circumstances-key")) fail("gateway: must not get CIRCUMSTANCES_KEY");
  if (envNames(gateway).includes("DATABASE_URL")) fail("gateway: must not get DATABASE_URL (the programs' data); ACCESS_DATABASE_URL only");
  for (const needed of ["INTERNAL_TOKEN_PRIVATE_KEY_FILE", "AUTH_JWKS_URL", "SUPERGRAPH_PATH", "GATEWAY_HOST", "REDIS_URL", "ACCESS_DATABASE_URL", "PERSONAL_CACHE_KEY", "RECORDED_ACCESS_KEY"]) {
    if (!envNames(gateway).includes(needed)) fail(`gateway: no ${needed}`);
  }
  if (gatewayEnv.GATEWAY_HOST !== "0.0.0.0") fail("gateway: GATEWAY_HOST must be 0.0.0.0 in a pod");
  const mount = (container(gateway)?.volumeMounts ?? []).find((m: any) => m.name === "supergraph")?.mountPath;
  if (!mount || gatewayEnv.SUPERGRAPH_PATH !== `${mount}/supergraph.graphql`) fail(`gateway: SUPERGRAPH_PATH ${gatewayEnv.SUPERGRAPH_PATH} is not in the supergraph mount ${mount}`);
}
// Every Secret the manifests use is in the template, so that the template stays a complete list.
const templated = new Set(docs.filter((d) => d.kind === "Secret").map((d) => d.name));
for (const d of deployments) for (const secret of secretsOf(d)) if (!templated.has(secret)) fail(`Deployment ${d.name}: Secret ${secret} is missing from secrets.example.yaml`);

// The copy in deploy/ must be the composed supergraph (deploy/sync-supergraph.sh).
const composed = readFileSync(join(ROOT, "schema/supergraph.graphql"), "utf8");
if (!existsSync(join(DEPLOY, "supergraph.graphql")) || readFileSync(join(DEPLOY, "supergraph.graphql"), "utf8") !== composed) {
  fail("deploy/supergraph.graphql differs from schema/supergraph.graphql: run deploy/sync-supergraph.sh");
}

// ---------------------------------------------------------------------------------------- result

if (failures.length) {
  for (const f of failures) console.error(`FAIL ${f}`);
  console.error(`${failures.length} problem(s) in deploy/`);
  process.exit(1);
}
const count = (kind: string) => `${of(kind).length} ${kind}`;
console.log(
  `deploy/ OK: ${manifests.length} manifest files, ${applied.length} objects (${["Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy"].map(count).join(", ")}), ` +
    `${generators.length} generated ConfigMaps; probes, resources, selectors, ports, URLs, keys and the supergraph copy agree.`,
);

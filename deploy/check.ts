/**
 * `npx tsx deploy/check.ts`: an offline sanity check of the manifests (no cluster, no kubeconform).
 * Renders deploy/ with `kubectl kustomize deploy` (what `kubectl apply -k deploy/` would apply) and
 * checks what would otherwise fail only in the cluster: every YAML file under deploy/ is reached from
 * kustomization.yaml; each Deployment has readiness (/ready) and liveness (/health) probes on a port
 * it declares, resources, a non-root read-only container, and a grace period longer than preStop +
 * the code's drain deadline; each Service, PodDisruptionBudget, NetworkPolicy and the HPA select or
 * target something that exists; every subgraph has a Deployment, a Service and a gateway <NAME>_URL
 * that agree on name and port, and nothing else is deployed under a subgraph's label; keys go only
 * where they belong; deploy/supergraph.graphql is the composed one.
 * Prints one line per failure and exits 1, or prints a summary. Needs kubectl (its kustomize).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";
import { SUBGRAPH_NAMES, DEFAULT_PORTS } from "../platform/subgraphs";
import { envPrefix } from "../platform/service-env";

type Doc = { kind: string; name: string; body: any };
type Labels = Record<string, string>;

const DEPLOY = dirname(fileURLToPath(import.meta.url));
const ROOT = join(DEPLOY, "..");
const failures: string[] = [];
const fail = (message: string) => failures.push(message);

/** The YAML documents of a text, or a failure naming where it came from. */
function parse(text: string, where: string): any[] {
  const bodies: any[] = [];
  for (const document of parseAllDocuments(text)) {
    if (document.errors.length) fail(`${where}: ${document.errors[0].message}`);
    else if (document.toJS()) bodies.push(document.toJS());
  }
  return bodies;
}

// ------------------------------------------------- every file is reached from kustomization.yaml

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(entry.name) ? [relative(DEPLOY, path)] : [];
  });
}

/** The files a kustomization reaches: itself, its resources and components (folders followed). */
function reached(dir: string, into = new Set<string>()): Set<string> {
  const file = join(dir, "kustomization.yaml");
  if (!existsSync(file)) return into;
  into.add(relative(DEPLOY, file));
  const kustomization = parse(readFileSync(file, "utf8"), relative(DEPLOY, file))[0] ?? {};
  for (const entry of [...(kustomization.resources ?? []), ...(kustomization.components ?? [])] as string[]) {
    const path = join(dir, entry);
    if (existsSync(path) && statSync(path).isDirectory()) reached(path, into);
    else into.add(relative(DEPLOY, path));
  }
  return into;
}
// Templates (*.example.yaml) are kept out on purpose: applying placeholders would overwrite real Secrets.
const manifests = yamlFiles(DEPLOY).filter((f) => !f.endsWith(".example.yaml"));
const inBuild = reached(DEPLOY);
for (const file of manifests) if (!inBuild.has(file)) fail(`${file} is not reached from kustomization.yaml (resources or components)`);

// ------------------------------------------------------------------- kubectl kustomize deploy

const kubectl = process.env.KUBECTL || "kubectl";
const build = spawnSync(kubectl, ["kustomize", DEPLOY], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
if (build.error) {
  const missing = (build.error as NodeJS.ErrnoException).code === "ENOENT";
  console.error(
    missing
      ? `FAIL ${kubectl} is not installed: deploy/check.ts renders deploy/ with \`kubectl kustomize\` (https://kubernetes.io/docs/tasks/tools/), or set KUBECTL`
      : `FAIL ${kubectl} kustomize deploy: ${build.error.message}`,
  );
  process.exit(1);
}
if (build.status !== 0) {
  console.error(`FAIL kubectl kustomize deploy exited ${build.status}:\n${build.stderr.trim()}`);
  process.exit(1);
}

const docs: Doc[] = [];
const toDoc = (body: any, where: string) => {
  if (!body.apiVersion || !body.kind || !body.metadata?.name) fail(`${where}: a document lacks apiVersion, kind or metadata.name`);
  else docs.push({ kind: body.kind, name: body.metadata.name, body });
};
for (const body of parse(build.stdout, "kubectl kustomize deploy")) toDoc(body, "kubectl kustomize deploy");
const applied = [...docs];
// The Secrets' template is not applied, but every Secret the Deployments use must be in it.
for (const file of yamlFiles(DEPLOY).filter((f) => f.endsWith(".example.yaml"))) {
  for (const body of parse(readFileSync(join(DEPLOY, file), "utf8"), file)) toDoc(body, file);
}
const of = (kind: string) => applied.filter((d) => d.kind === kind);
const configMaps = new Map(of("ConfigMap").map((d) => [d.name, d]));
/** The data of a rendered ConfigMap (its generated name, hash included, as the pods refer to it). */
const envOfConfigMap = (name: string): Record<string, string> => configMaps.get(name)?.body.data ?? {};
const deployments = of("Deployment");
const podLabels = (d: Doc): Labels => d.body.spec?.template?.metadata?.labels ?? {};
const selects = (selector: Labels, labels: Labels) => Object.entries(selector).every(([k, v]) => labels[k] === v);
const selected = (selector: Labels) => deployments.filter((d) => selects(selector, podLabels(d)));
for (const kind of ["Deployment", "Service", "NetworkPolicy", "PodDisruptionBudget", "HorizontalPodAutoscaler", "ConfigMap"]) {
  const names = of(kind).map((d) => d.name);
  for (const name of new Set(names)) if (names.filter((n) => n === name).length > 1) fail(`${kind} ${name} is defined twice`);
}

// ---------------------------------------------------------------------------------- Deployments

/** The drain deadline of the process entry points (exitGracefully's graceMs default). */
const shutdownSource = readFileSync(join(ROOT, "platform/shutdown.ts"), "utf8");
const drainMs = Number(/graceMs\s*=\s*([\d_]+)/.exec(shutdownSource)?.[1].replace(/_/g, "") ?? NaN);
if (!Number.isFinite(drainMs)) fail("platform/shutdown.ts: cannot find the graceMs default");

for (const d of deployments) {
  const where = `Deployment ${d.name}`;
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
      if (name && !configMaps.has(name)) fail(`${at}: envFrom ConfigMap ${name} is not defined`);
    }
  }
  for (const v of pod.volumes ?? []) {
    if (v.configMap && !configMaps.has(v.configMap.name)) fail(`${where}: volume ${v.name} uses ConfigMap ${v.configMap.name}, which is not defined`);
  }
}

// -------------------------------------------------------------- Services and other selectors

for (const s of of("Service")) {
  const selector: Labels = s.body.spec?.selector ?? {};
  const targets = Object.keys(selector).length ? selected(selector) : [];
  if (!targets.length) fail(`Service ${s.name}: selector ${JSON.stringify(selector)} matches no Deployment's pod labels`);
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
// Each port a NetworkPolicy opens is a container port (by name, or by number within port..endPort) of every pod it selects.
for (const p of of("NetworkPolicy")) {
  const targets = selected(p.body.spec?.podSelector?.matchLabels ?? {});
  for (const rule of p.body.spec?.ingress ?? []) for (const open of rule.ports ?? []) {
    const opens = (c: any) =>
      (c.ports ?? []).some((cp: any) => (typeof open.port === "string" ? cp.name === open.port : cp.containerPort >= open.port && cp.containerPort <= (open.endPort ?? open.port)));
    for (const t of targets) {
      if (!t.body.spec.template.spec.containers.some(opens)) fail(`NetworkPolicy ${p.name}: port ${open.port}${open.endPort ? `-${open.endPort}` : ""} is no container port of Deployment ${t.name}`);
    }
  }
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
// The shared subgraph component's placeholders are all replaced, and each subgraph Deployment is one the code knows.
for (const d of deployments.filter((x) => podLabels(x)["app.kubernetes.io/component"] === "subgraph")) {
  if (!(SUBGRAPH_NAMES as readonly string[]).includes(d.name)) fail(`Deployment ${d.name}: a subgraph the code does not know (platform/subgraphs.ts)`);
}
if (/\bSUBGRAPH_PORT\b|\b(containerPort|port): 0\b/.test(build.stdout)) fail("kubectl kustomize deploy: a placeholder of deploy/subgraphs/subgraph/ is left (SUBGRAPH_PORT or port 0)");
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
    `${configMaps.size} ConfigMaps; probes, resources, selectors, ports, URLs, keys and the supergraph copy agree.`,
);

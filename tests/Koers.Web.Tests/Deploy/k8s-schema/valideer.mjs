// Validates Kubernetes objects (a JSON array of {bestand, object} on stdin) against the JSON schemas of the
// Kubernetes OpenAPI spec, as compiled by kubernetes-models. Prints one line per error; exit 1 when any.
import { ConfigMap, Secret, Service, ServiceAccount } from "kubernetes-models/v1";
import { Deployment } from "kubernetes-models/apps/v1";
import { Job } from "kubernetes-models/batch/v1";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2";
import { Ingress, NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1";
import { readFileSync } from "node:fs";

const soorten = [ConfigMap, Secret, Service, ServiceAccount, Deployment, Job, HorizontalPodAutoscaler, Ingress, NetworkPolicy, PodDisruptionBudget];
const invoer = JSON.parse(readFileSync(0, "utf8"));
let fouten = 0;
for (const { bestand, object } of invoer) {
  const soort = soorten.find(s => s.apiVersion === object.apiVersion && s.kind === object.kind);
  if (!soort) { console.log(`${bestand}: geen schema voor ${object.apiVersion} ${object.kind}`); fouten++; continue; }
  try { new soort(object).validate(); }
  catch (e) {
    fouten++;
    const details = (e.errors ?? []).map(f => `${f.instancePath || "/"} ${f.message ?? f.keyword} ${JSON.stringify(f.params ?? {})}`);
    console.log(`${bestand}: ${object.kind} ${object.metadata?.name}: ${details.length ? details.join("; ") : e.message}`);
  }
}
console.log(`gecontroleerd: ${invoer.length}, fouten: ${fouten}`);
process.exit(fouten ? 1 : 0);

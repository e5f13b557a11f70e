using System.Text.RegularExpressions;
using k8s;
using k8s.Models;
using YamlDotNet.RepresentationModel;

namespace Koers.Web.Tests.Deploy;

/// <summary>
/// The Kustomize base in deploy/kubernetes: every resource file listed in kustomization.yaml is read (no kustomize
/// binary here), split into its documents, and each document is read strictly into the Kubernetes API type for its
/// apiVersion and kind (KubernetesClient's models, generated from the Kubernetes OpenAPI spec): an unknown or
/// misspelled field, a wrong type, or an unknown kind fails. Then the policy: non-root, read-only root filesystem,
/// no privilege escalation, limits, probes on /health/*, the migration Job runs 'migrate', no secrets in a ConfigMap.
/// </summary>
[Trait("Categorie", "Deploy")]
public sealed class KubernetesManifestTests
{
    private static readonly string Basis = Path.Combine(Repo.Root, "deploy", "kubernetes", "base");
    private static readonly string Voorbeeld = Path.Combine(Repo.Root, "deploy", "kubernetes", "overlays", "voorbeeld");

    [Fact]
    public void Elk_document_van_de_basis_is_een_geldig_Kubernetes_object()
    {
        var objecten = Render(Basis);
        Assert.Equal(
            ["ConfigMap", "Deployment", "HorizontalPodAutoscaler", "Ingress", "Job", "NetworkPolicy", "PodDisruptionBudget", "Secret", "Service", "ServiceAccount"],
            objecten.Select(o => o.Object.Kind).Order(StringComparer.Ordinal).ToArray());
        Assert.All(objecten, o => Assert.False(string.IsNullOrEmpty(o.Object.Metadata.Name), $"{o.Bestand}: metadata.name ontbreekt"));
    }

    [Fact]
    public void Beleid_geldt_voor_elke_container()
    {
        var objecten = Render(Basis);
        var fouten = Beleidsfouten(objecten.Select(o => o.Object));
        Assert.True(fouten.Count == 0, string.Join("\n", fouten));
    }

    [Fact]
    public void Deployment_HPA_PDB_en_Service_passen_bij_elkaar()
    {
        var objecten = Render(Basis).Select(o => o.Object).ToList();
        var deployment = objecten.OfType<V1Deployment>().Single();
        Assert.Equal(2, deployment.Spec.Replicas);
        Assert.Equal(45, deployment.Spec.Template.Spec.TerminationGracePeriodSeconds);
        var labels = deployment.Spec.Template.Metadata.Labels;
        Assert.All(deployment.Spec.Selector.MatchLabels, l => Assert.Equal(l.Value, labels[l.Key]));

        var service = objecten.OfType<V1Service>().Single();
        Assert.All(service.Spec.Selector, l => Assert.Equal(l.Value, labels[l.Key]));
        Assert.Equal("http", service.Spec.Ports.Single().TargetPort.Value);
        Assert.Equal(8080, deployment.Spec.Template.Spec.Containers.Single().Ports.Single(p => p.Name == "http").ContainerPort);

        var pdb = objecten.OfType<V1PodDisruptionBudget>().Single();
        Assert.Equal("1", pdb.Spec.MinAvailable.Value);
        Assert.All(pdb.Spec.Selector.MatchLabels, l => Assert.Equal(l.Value, labels[l.Key]));

        var hpa = objecten.OfType<V2HorizontalPodAutoscaler>().Single();
        Assert.Equal(("apps/v1", "Deployment", deployment.Metadata.Name), (hpa.Spec.ScaleTargetRef.ApiVersion, hpa.Spec.ScaleTargetRef.Kind, hpa.Spec.ScaleTargetRef.Name));
        Assert.True(hpa.Spec.MinReplicas >= 2);
        Assert.Equal("cpu", hpa.Spec.Metrics.Single().Resource.Name);

        var annotaties = deployment.Spec.Template.Metadata.Annotations;
        Assert.Equal("true", annotaties["prometheus.io/scrape"]);
        // /metrics on its own port (Koers:Telemetrie:MetingenPoort), which the Service and so the ingress do not expose.
        Assert.Equal("9090", annotaties["prometheus.io/port"]);
        Assert.Equal(9090, deployment.Spec.Template.Spec.Containers.Single().Ports.Single(p => p.Name == "metrics").ContainerPort);
        Assert.DoesNotContain(service.Spec.Ports, p => p.TargetPort.Value is "metrics" or "9090" || p.Port == 9090);
        Assert.Equal("/metrics", annotaties["prometheus.io/path"]);

        // The app's ConfigMap and Secret are what the containers read; the Job reads the same.
        foreach (var pod in objecten.Select(PodSpec).OfType<V1PodSpec>())
        {
            var bronnen = pod.Containers.Single().EnvFrom;
            Assert.Contains(bronnen, b => b.ConfigMapRef?.Name == objecten.OfType<V1ConfigMap>().Single().Metadata.Name);
            Assert.Contains(bronnen, b => b.SecretRef?.Name == objecten.OfType<V1Secret>().Single().Metadata.Name);
        }

        var config = objecten.OfType<V1ConfigMap>().Single().Data;
        Assert.Equal("false", config["Koers__Database__MigrerenBijStart"]);
        Assert.Equal("Production", config["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("Postgres", config["Database__Provider"]);
        Assert.Equal("8080;9090", config["ASPNETCORE_HTTP_PORTS"]);
        Assert.Equal("9090", config["Koers__Telemetrie__MetingenPoort"]);
    }

    [Fact]
    public void NetworkPolicy_laat_alleen_ingress_8080_en_postgres_dns_en_https_toe()
    {
        var policy = Render(Basis).Select(o => o.Object).OfType<V1NetworkPolicy>().Single();
        Assert.Equal(["Egress", "Ingress"], policy.Spec.PolicyTypes.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal("koers", policy.Spec.PodSelector.MatchLabels["app.kubernetes.io/name"]);
        Assert.All(policy.Spec.Ingress, regel => Assert.All(regel.FromProperty, van => Assert.NotNull(van.NamespaceSelector)));
        // 8080 only from the ingress controller's namespace; 9090 (/metrics) only from monitoring.
        var perPoort = policy.Spec.Ingress.SelectMany(r => r.Ports.Select(p => (Poort: p.Port.Value, Van: r.FromProperty.Select(v => v.NamespaceSelector.MatchLabels["kubernetes.io/metadata.name"]).ToArray())))
            .ToDictionary(x => x.Poort, x => x.Van);
        Assert.Equal(["8080", "9090"], perPoort.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(["ingress-nginx"], perPoort["8080"]);
        Assert.Equal(["monitoring"], perPoort["9090"]);
        var poorten = policy.Spec.Egress.SelectMany(r => r.Ports).Select(p => p.Port.Value).ToHashSet();
        Assert.Superset(new HashSet<string> { "5432", "53", "443" }, poorten);
        Assert.Subset(new HashSet<string> { "5432", "53", "443", "4317", "4318" }, poorten);
    }

    [Fact]
    public void Overlay_voorbeeld_verwijst_naar_de_basis_en_haar_patches_zijn_geldig()
    {
        var kustomization = LeesYaml(Path.Combine(Voorbeeld, "kustomization.yaml"));
        var resources = Lijst(kustomization, "resources");
        Assert.Contains("../../base", resources);
        foreach (var patch in ((kustomization.Children.TryGetValue(new YamlScalarNode("patches"), out var p) ? p : new YamlSequenceNode()) as YamlSequenceNode)!)
        {
            if (!((YamlMappingNode)patch).Children.TryGetValue(new YamlScalarNode("path"), out var padNode)) continue;
            var pad = padNode.ToString();
            foreach (var document in Documenten(File.ReadAllText(Path.Combine(Voorbeeld, pad))))
            {
                LeesObject(document, pad);
            }
        }
    }

    /// <summary>
    /// The JSON schemas of the Kubernetes v1.36 OpenAPI spec (k8s-schema/README.md): types, required fields, formats
    /// and enums, which strict reading does not check (a container without a name, an unknown protocol).
    /// </summary>
    [Fact]
    public void Elk_document_voldoet_aan_de_JSON_schemas_van_Kubernetes_1_36()
    {
        var objecten = Render(Basis);
        var (code, uitvoer) = ValideerTegenSchemas(objecten.Select(o => (o.Bestand, (object)o.Object)));
        Assert.True(code == 0, uitvoer);
        Assert.Contains($"gecontroleerd: {objecten.Count}, fouten: 0", uitvoer, StringComparison.Ordinal);
    }

    [Fact]
    public void De_schemas_vinden_een_ontbrekend_verplicht_veld_en_een_ongeldige_waarde()
    {
        var objecten = Render(Basis);
        var deployment = objecten.Select(o => o.Object).OfType<V1Deployment>().Single();
        deployment.Spec.Template.Spec.Containers[0].Name = null;
        var service = objecten.Select(o => o.Object).OfType<V1Service>().Single();
        service.Spec.Ports[0].Protocol = "HTTPS";
        var job = objecten.Select(o => o.Object).OfType<V1Job>().Single();
        job.Spec.Template.Spec.Containers[0].ImagePullPolicy = "Soms";

        var (code, uitvoer) = ValideerTegenSchemas(objecten.Select(o => (o.Bestand, (object)o.Object)));

        Assert.Equal(1, code);
        Assert.Contains("/spec/template/spec/containers/0 must have required property name", uitvoer, StringComparison.Ordinal);
        Assert.Contains("/spec/ports/0/protocol must be equal to one of the allowed values", uitvoer, StringComparison.Ordinal);
        Assert.Contains("/spec/template/spec/containers/0/imagePullPolicy must be equal to one of the allowed values", uitvoer, StringComparison.Ordinal);
        Assert.Contains($"gecontroleerd: {objecten.Count}, fouten: 3", uitvoer, StringComparison.Ordinal);
    }

    /// <summary>The checks above must catch a broken manifest, not only pass on a good one.</summary>
    [Fact]
    public void Een_fout_in_een_manifest_wordt_gevonden()
    {
        var tekst = File.ReadAllText(Path.Combine(Basis, "deployment.yaml"));

        // A misspelled field (capital S) is not a Kubernetes field: strict reading refuses it.
        var verkeerd = tekst.Replace("readOnlyRootFilesystem:", "readOnlyRootFileSystem:", StringComparison.Ordinal);
        Assert.NotEqual(tekst, verkeerd);
        Assert.ThrowsAny<Exception>(() => LeesObject(Documenten(verkeerd).Single(), "deployment.yaml"));

        // A valid but weaker manifest is refused by the policy.
        var zonder = Regex.Replace(tekst, @"^\s*readOnlyRootFilesystem: true\s*$\n", "", RegexOptions.Multiline);
        Assert.NotEqual(tekst, zonder);
        var fouten = Beleidsfouten([LeesObject(Documenten(zonder).Single(), "deployment.yaml")]);
        Assert.Contains(fouten, f => f.Contains("readOnlyRootFilesystem", StringComparison.Ordinal));

        var alsRoot = tekst.Replace("runAsUser: 10001", "runAsUser: 0", StringComparison.Ordinal);
        Assert.Contains(Beleidsfouten([LeesObject(Documenten(alsRoot).Single(), "deployment.yaml")]), f => f.Contains("runAsUser", StringComparison.Ordinal));

        var zonderProbe = tekst.Replace("path: /health/ready", "path: /", StringComparison.Ordinal);
        Assert.Contains(Beleidsfouten([LeesObject(Documenten(zonderProbe).Single(), "deployment.yaml")]), f => f.Contains("readinessProbe", StringComparison.Ordinal));

        var geheimInConfig = LeesObject("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  Koers__DataProtection__Sleutel: abc\n", "configmap");
        Assert.NotEmpty(Beleidsfouten([geheimInConfig]));

        Assert.ThrowsAny<Exception>(() => LeesObject("apiVersion: apps/v1beta1\nkind: Deployment\nmetadata:\n  name: x\n", "oud"));
    }

    // ------------------------------------------------------------------ rendering

    private sealed record Gerenderd(string Bestand, IKubernetesObject<V1ObjectMeta> Object);

    /// <summary>What 'kustomize build' starts from: the listed resources, document by document (no transformers).</summary>
    private static List<Gerenderd> Render(string map)
    {
        var kustomization = LeesYaml(Path.Combine(map, "kustomization.yaml"));
        Assert.Equal("kustomize.config.k8s.io/v1beta1", kustomization.Children[new YamlScalarNode("apiVersion")].ToString());
        Assert.Equal("Kustomization", kustomization.Children[new YamlScalarNode("kind")].ToString());
        var resultaat = new List<Gerenderd>();
        foreach (var resource in Lijst(kustomization, "resources"))
        {
            var pad = Path.Combine(map, resource);
            Assert.True(File.Exists(pad), $"{resource} staat in kustomization.yaml maar bestaat niet");
            foreach (var document in Documenten(File.ReadAllText(pad)))
            {
                resultaat.Add(new Gerenderd(resource, LeesObject(document, resource)));
            }
        }

        // Every YAML file in the folder is listed (a file that is not listed is never deployed).
        var niet = Directory.GetFiles(map, "*.yaml").Select(Path.GetFileName).Where(f => f != "kustomization.yaml" && !Lijst(kustomization, "resources").Contains(f!)).ToList();
        Assert.True(niet.Count == 0, "niet in kustomization.yaml: " + string.Join(", ", niet));

        // The image the containers name is the one kustomization.yaml sets.
        var images = kustomization.Children[new YamlScalarNode("images")] as YamlSequenceNode;
        var namen = images!.Cast<YamlMappingNode>().Select(i => i.Children[new YamlScalarNode("name")].ToString()).ToHashSet();
        foreach (var pod in resultaat.Select(r => PodSpec(r.Object)).OfType<V1PodSpec>())
        {
            Assert.All(pod.Containers, c => Assert.Contains(c.Image, namen));
        }

        return resultaat;
    }

    /// <summary>
    /// Runs k8s-schema.cjs on the Node.js Playwright ships with the test output (always there: Microsoft.Playwright
    /// is a dependency of this project), so CI needs no Node.js, npm or network for this check.
    /// </summary>
    private static (int Code, string Uitvoer) ValideerTegenSchemas(IEnumerable<(string Bestand, object Object)> objecten)
    {
        var node = Path.Combine(AppContext.BaseDirectory, ".playwright", "node", "linux-x64", "node");
        Assert.True(File.Exists(node), $"Node.js van Playwright ontbreekt: {node}");
        var script = Path.Combine(Repo.Root, "tests", "Koers.Web.Tests", "Deploy", "k8s-schema", "k8s-schema.cjs");
        var invoer = "[" + string.Join(",", objecten.Select(o =>
            $"{{\"bestand\":{System.Text.Json.JsonSerializer.Serialize(o.Bestand)},\"object\":{KubernetesJson.Serialize(o.Object)}}}")) + "]";
        var start = new System.Diagnostics.ProcessStartInfo(node, [script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var proces = System.Diagnostics.Process.Start(start)!;
        var fouten = proces.StandardError.ReadToEndAsync();
        proces.StandardInput.Write(invoer);
        proces.StandardInput.Close();
        var uitvoer = proces.StandardOutput.ReadToEnd();
        Assert.True(proces.WaitForExit(TimeSpan.FromMinutes(1)), "k8s-schema.cjs stopt niet");
        return (proces.ExitCode, uitvoer + fouten.Result);
    }

    private static IKubernetesObject<V1ObjectMeta> LeesObject(string document, string bestand)
    {
        var kop = LeesYamlTekst(document);
        var apiVersion = kop.Children.TryGetValue(new YamlScalarNode("apiVersion"), out var a) ? a.ToString() : "";
        var kind = kop.Children.TryGetValue(new YamlScalarNode("kind"), out var k) ? k.ToString() : "";
        try
        {
            return Streng(document, apiVersion, kind);
        }
        catch (Exception fout)
        {
            throw new InvalidOperationException($"{bestand} ({kind}): {fout.Message}", fout);
        }
    }

    private static IKubernetesObject<V1ObjectMeta> Streng(string document, string apiVersion, string kind) => (apiVersion, kind) switch
    {
        ("apps/v1", "Deployment") => KubernetesYaml.Deserialize<V1Deployment>(document, strict: true),
        ("batch/v1", "Job") => KubernetesYaml.Deserialize<V1Job>(document, strict: true),
        ("v1", "Service") => KubernetesYaml.Deserialize<V1Service>(document, strict: true),
        ("v1", "ConfigMap") => KubernetesYaml.Deserialize<V1ConfigMap>(document, strict: true),
        ("v1", "Secret") => KubernetesYaml.Deserialize<V1Secret>(document, strict: true),
        ("v1", "ServiceAccount") => KubernetesYaml.Deserialize<V1ServiceAccount>(document, strict: true),
        ("policy/v1", "PodDisruptionBudget") => KubernetesYaml.Deserialize<V1PodDisruptionBudget>(document, strict: true),
        ("autoscaling/v2", "HorizontalPodAutoscaler") => KubernetesYaml.Deserialize<V2HorizontalPodAutoscaler>(document, strict: true),
        ("networking.k8s.io/v1", "NetworkPolicy") => KubernetesYaml.Deserialize<V1NetworkPolicy>(document, strict: true),
        ("networking.k8s.io/v1", "Ingress") => KubernetesYaml.Deserialize<V1Ingress>(document, strict: true),
        _ => throw new InvalidOperationException($"onbekende soort {apiVersion} {kind}"),
    };

    private static IEnumerable<string> Documenten(string tekst) =>
        Regex.Split(tekst, @"^---\s*$", RegexOptions.Multiline)
            .Where(d => d.Split('\n').Any(r => r.Trim().Length > 0 && !r.TrimStart().StartsWith('#')));

    private static YamlMappingNode LeesYaml(string pad) => LeesYamlTekst(File.ReadAllText(pad));

    private static YamlMappingNode LeesYamlTekst(string tekst)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(tekst));
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static List<string> Lijst(YamlMappingNode node, string sleutel) =>
        node.Children.TryGetValue(new YamlScalarNode(sleutel), out var lijst)
            ? ((YamlSequenceNode)lijst).Select(n => n.ToString()).ToList()
            : [];

    // ------------------------------------------------------------------ policy

    private static V1PodSpec? PodSpec(IKubernetesObject<V1ObjectMeta> obj) => obj switch
    {
        V1Deployment d => d.Spec.Template.Spec,
        V1Job j => j.Spec.Template.Spec,
        _ => null,
    };

    /// <summary>Names of settings that are secret: they belong in a Secret, never in a ConfigMap.</summary>
    private static readonly Regex Geheim = new(@"(ConnectionStrings__|Sleutel|Secret|Token|Wachtwoord|Password|Key)", RegexOptions.IgnoreCase);

    private static List<string> Beleidsfouten(IEnumerable<IKubernetesObject<V1ObjectMeta>> objecten)
    {
        var fouten = new List<string>();
        foreach (var obj in objecten)
        {
            var naam = $"{obj.Kind}/{obj.Metadata.Name}";
            if (obj is V1ConfigMap cm)
            {
                foreach (var sleutel in (cm.Data?.Keys ?? []).Where(s => Geheim.IsMatch(s))) fouten.Add($"{naam}: '{sleutel}' is geheim en hoort in een Secret");
                foreach (var (sleutel, waarde) in cm.Data ?? new Dictionary<string, string>())
                {
                    if (waarde.Contains("Password=", StringComparison.OrdinalIgnoreCase)) fouten.Add($"{naam}: '{sleutel}' bevat een wachtwoord");
                }
            }

            if (PodSpec(obj) is not { } pod) continue;
            if (pod.SecurityContext?.RunAsNonRoot != true) fouten.Add($"{naam}: pod securityContext.runAsNonRoot is niet true");
            if (pod.SecurityContext?.RunAsUser is not (null or 10001)) fouten.Add($"{naam}: pod securityContext.runAsUser is niet 10001");
            if (pod.SecurityContext?.SeccompProfile?.Type != "RuntimeDefault") fouten.Add($"{naam}: pod seccompProfile is niet RuntimeDefault");
            if (pod.AutomountServiceAccountToken != false) fouten.Add($"{naam}: automountServiceAccountToken is niet false");
            if (pod.HostNetwork == true || pod.HostPID == true || pod.HostIPC == true) fouten.Add($"{naam}: host-namespaces");
            var tmp = pod.Volumes?.FirstOrDefault(v => v.EmptyDir is not null && (pod.Containers.All(c => c.VolumeMounts?.Any(m => m.Name == v.Name && m.MountPath == "/tmp") == true)));
            if (tmp is null) fouten.Add($"{naam}: geen emptyDir op /tmp");

            foreach (var c in pod.Containers.Concat(pod.InitContainers ?? []))
            {
                var cn = $"{naam} container {c.Name}";
                var sc = c.SecurityContext;
                if (sc?.RunAsNonRoot != true) fouten.Add($"{cn}: securityContext.runAsNonRoot is niet true");
                if (sc?.RunAsUser != 10001) fouten.Add($"{cn}: securityContext.runAsUser is niet 10001");
                if (sc?.ReadOnlyRootFilesystem != true) fouten.Add($"{cn}: securityContext.readOnlyRootFilesystem is niet true");
                if (sc?.AllowPrivilegeEscalation != false) fouten.Add($"{cn}: securityContext.allowPrivilegeEscalation is niet false");
                if (sc?.Privileged == true) fouten.Add($"{cn}: privileged");
                if (sc?.Capabilities?.Drop?.Contains("ALL") != true || sc.Capabilities.Add is { Count: > 0 }) fouten.Add($"{cn}: capabilities drop ALL ontbreekt of er wordt iets toegevoegd");
                if (sc?.SeccompProfile is { } sp && sp.Type != "RuntimeDefault") fouten.Add($"{cn}: seccompProfile is niet RuntimeDefault");
                foreach (var soort in new[] { "cpu", "memory" })
                {
                    if (c.Resources?.Limits?.ContainsKey(soort) != true) fouten.Add($"{cn}: resources.limits.{soort} ontbreekt");
                    if (c.Resources?.Requests?.ContainsKey(soort) != true) fouten.Add($"{cn}: resources.requests.{soort} ontbreekt");
                }

                if (c.Env?.Any(e => e.Value is not null && Geheim.IsMatch(e.Name)) == true) fouten.Add($"{cn}: een geheim staat als letterlijke env-waarde");
                if (c.Image.Contains(':', StringComparison.Ordinal) && c.Image.EndsWith(":latest", StringComparison.Ordinal)) fouten.Add($"{cn}: image :latest");
            }

            if (obj is V1Deployment)
            {
                var c = pod.Containers.Single();
                foreach (var (probe, soort, pad) in new[] { (c.StartupProbe, "startupProbe", "/health/live"), (c.LivenessProbe, "livenessProbe", "/health/live"), (c.ReadinessProbe, "readinessProbe", "/health/ready") })
                {
                    if (probe?.HttpGet is not { } get) fouten.Add($"{naam}: {soort} ontbreekt of is geen httpGet");
                    else if (get.Path != pad) fouten.Add($"{naam}: {soort} vraagt {get.Path}, niet {pad}");
                    else if (get.Port.Value is not ("http" or "8080")) fouten.Add($"{naam}: {soort} op poort {get.Port.Value}");
                }

                if (pod.TerminationGracePeriodSeconds is not { } grace || grace < 30) fouten.Add($"{naam}: terminationGracePeriodSeconds te kort");
            }

            if (obj is V1Job job)
            {
                var c = pod.Containers.Single();
                if (c.Args is not ["migrate"]) fouten.Add($"{naam}: de Job draait niet 'migrate' (args: {string.Join(' ', c.Args ?? [])})");
                if (c.Command is { Count: > 0 }) fouten.Add($"{naam}: de Job vervangt het entrypoint van de image");
                if (pod.RestartPolicy is not ("Never" or "OnFailure")) fouten.Add($"{naam}: restartPolicy");
                if (job.Spec.BackoffLimit is not { } b || b > 5) fouten.Add($"{naam}: backoffLimit ontbreekt of is te hoog");
            }
        }

        return fouten;
    }
}

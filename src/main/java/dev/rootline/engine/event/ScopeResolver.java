package dev.rootline.engine.event;

import java.util.Map;
import java.util.Set;

/**
 * The scope table (docs/architecture.md, "Life of a batch"): service, version and instance per monitored-resource type.
 */
final class ScopeResolver {

    /** The resource labels the table below reads. */
    static final Set<String> RESOURCE_LABELS = Set.of(
            "project_id",
            "location",
            "zone",
            "region",
            "service_name",
            "revision_name",
            "job_name",
            "namespace_name",
            "container_name",
            "pod_name",
            "module_id",
            "version_id",
            "instance_id",
            "service",
            "version");

    /** The entry labels it reads. */
    static final Set<String> ENTRY_LABELS = Set.of(
            "instanceId",
            "run.googleapis.com/execution_name",
            "run.googleapis.com/task_index",
            "k8s-pod/pod-template-hash",
            "service",
            "version");

    private ScopeResolver() {}

    static Scope resolve(String type, Map<String, String> resource, Map<String, String> labels) {
        String t = type == null ? "" : type;
        String project = get(resource, "project_id");
        String location = first(get(resource, "location"), get(resource, "zone"), get(resource, "region"));
        return switch (t) {
            case "cloud_run_revision" ->
                new Scope(
                        t,
                        project,
                        location,
                        get(resource, "service_name"),
                        get(resource, "revision_name"),
                        get(labels, "instanceId"));
            case "cloud_run_job" ->
                new Scope(
                        t,
                        project,
                        location,
                        get(resource, "job_name"),
                        get(labels, "run.googleapis.com/execution_name"),
                        get(labels, "run.googleapis.com/task_index"));
            case "k8s_container" -> {
                String pod = get(resource, "pod_name");
                yield new Scope(
                        t,
                        project,
                        location,
                        get(resource, "namespace_name") + "/" + get(resource, "container_name"),
                        first(get(labels, "k8s-pod/pod-template-hash"), pod),
                        pod);
            }
            case "gae_app" ->
                new Scope(t, project, location, get(resource, "module_id"), get(resource, "version_id"), "");
            case "gce_instance" -> new Scope(t, project, location, get(resource, "instance_id"), "", "");
            default ->
                new Scope(
                        t,
                        project,
                        location,
                        first(get(resource, "service"), get(labels, "service")),
                        first(get(resource, "version"), get(labels, "version")),
                        "");
        };
    }

    private static String get(Map<String, String> map, String key) {
        String v = map.get(key);
        return v == null ? "" : v;
    }

    private static String first(String... values) {
        for (String v : values) {
            if (!v.isEmpty()) {
                return v;
            }
        }
        return "";
    }
}

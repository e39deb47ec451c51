package io.powertools.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The subsegments one trace received, as X-Ray assembles them: documents sent on their own and
 * subsegments embedded in them are merged by id, a complete version of a subsegment replaces an
 * {@code in_progress} one, and each subsegment knows its parent's id. Tests assert the tree:
 *
 * <pre>{@code
 * XRayTrace trace = daemon.awaitTrace(header, Duration.ofSeconds(5));
 * assertThat(trace.orphans(header.parent())).isEmpty();
 * assertThat(trace.inProgress()).isEmpty();
 * assertThat(trace.named("## handleRequest")).hasSize(1);
 * }</pre>
 */
public final class XRayTrace {

    private final String traceId;
    private final Map<String, Subsegment> subsegments;
    private final int documents;

    private XRayTrace(String traceId, Map<String, Subsegment> subsegments, int documents) {
        this.traceId = traceId;
        this.subsegments = subsegments;
        this.documents = documents;
    }

    /**
     * One subsegment, in its last received state.
     *
     * @param id its id
     * @param name its name
     * @param parentId the id of the segment or subsegment it belongs under
     * @param inProgress whether only an in-progress version was received
     * @param document the subsegment's JSON (with its embedded subsegments, if it had any)
     */
    public record Subsegment(String id, String name, String parentId, boolean inProgress, JsonNode document) {

        /**
         * An annotation.
         *
         * @param key the key
         * @return the value, or empty
         */
        public Optional<JsonNode> annotation(String key) {
            return Optional.ofNullable(document.path("annotations").get(key));
        }

        /**
         * A metadata value.
         *
         * @param namespace the namespace
         * @param key the key
         * @return the value, or empty
         */
        public Optional<JsonNode> metadata(String namespace, String key) {
            return Optional.ofNullable(document.path("metadata").path(namespace).get(key));
        }

        /**
         * Whether the subsegment is marked {@code fault}.
         *
         * @return true when {@code fault: true}
         */
        public boolean fault() {
            return document.path("fault").asBoolean(false);
        }

        /**
         * The subsegment's namespace.
         *
         * @return {@code aws}, {@code remote}, or empty
         */
        public Optional<String> namespace() {
            return Optional.ofNullable(document.path("namespace").textValue());
        }
    }

    /**
     * Assembles a trace from the documents received for it.
     *
     * @param traceId the trace id
     * @param documents documents whose {@code trace_id} is the trace id, in the order received
     * @return the trace
     */
    public static XRayTrace of(String traceId, Collection<JsonNode> documents) {
        Map<String, Subsegment> subsegments = new LinkedHashMap<>();
        for (JsonNode document : documents) {
            if (!traceId.equals(document.path("trace_id").asText(null))) {
                throw new IllegalArgumentException("document of trace " + document.path("trace_id")
                        + " given for trace " + traceId);
            }
            collect(document, document.path("parent_id").asText(null), subsegments);
        }
        return new XRayTrace(traceId, subsegments, documents.size());
    }

    private static void collect(JsonNode node, String parentId, Map<String, Subsegment> into) {
        String id = node.path("id").asText(null);
        boolean inProgress = node.path("in_progress").asBoolean(false);
        Subsegment known = into.get(id);
        if (known == null || known.inProgress() || !inProgress) {
            into.put(id, new Subsegment(id, node.path("name").asText(null), parentId, inProgress, node));
        }
        for (JsonNode child : node.path("subsegments")) {
            collect(child, id, into);
        }
    }

    /** @return the trace id */
    public String traceId() {
        return traceId;
    }

    /** @return how many documents were received for this trace */
    public int documentCount() {
        return documents;
    }

    /** @return every subsegment, each once, in the order first received */
    public List<Subsegment> subsegments() {
        return List.copyOf(subsegments.values());
    }

    /**
     * The subsegment with an id.
     *
     * @param id the id
     * @return the subsegment, or empty
     */
    public Optional<Subsegment> byId(String id) {
        return Optional.ofNullable(subsegments.get(id));
    }

    /**
     * The subsegments with a name.
     *
     * @param name the name
     * @return the subsegments, possibly none
     */
    public List<Subsegment> named(String name) {
        return subsegments.values().stream().filter(s -> Objects.equals(s.name(), name)).collect(Collectors.toList());
    }

    /**
     * The subsegments directly under a segment or subsegment.
     *
     * @param parentId the parent's id
     * @return the children
     */
    public List<Subsegment> children(String parentId) {
        return subsegments.values().stream().filter(s -> Objects.equals(s.parentId(), parentId))
                .collect(Collectors.toList());
    }

    /** @return the subsegments of which only an in-progress version arrived */
    public List<Subsegment> inProgress() {
        return subsegments.values().stream().filter(Subsegment::inProgress).collect(Collectors.toList());
    }

    /**
     * The subsegments whose parent is neither the function's segment nor a received subsegment:
     * they would hang loose in X-Ray.
     *
     * @param functionSegmentId the {@code Parent} of the invocation's trace header
     * @return the orphans
     */
    public List<Subsegment> orphans(String functionSegmentId) {
        List<Subsegment> orphans = new ArrayList<>();
        for (Subsegment subsegment : subsegments.values()) {
            if (!Objects.equals(subsegment.parentId(), functionSegmentId) && !subsegments.containsKey(subsegment.parentId())) {
                orphans.add(subsegment);
            }
        }
        return orphans;
    }

    @Override
    public String toString() {
        return "XRayTrace[" + traceId + ", " + subsegments.size() + " subsegments in " + documents + " documents: "
                + subsegments.values().stream().map(s -> s.name() + "(" + s.id() + "<-" + s.parentId()
                        + (s.inProgress() ? ", in progress" : "") + ")").collect(Collectors.joining(", ")) + "]";
    }
}

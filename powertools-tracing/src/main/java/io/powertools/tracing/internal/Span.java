package io.powertools.tracing.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One subsegment while it is recorded. Every field that changes after creation is guarded by the
 * lock of the invocation's {@link TraceState}: spans of one invocation may be touched by its
 * worker threads, never by another invocation.
 */
public final class Span {

    final String id = Ids.next();
    final String name;
    final String namespace;
    final Span parent;
    final long startMicros;
    /** The thread whose stack of open spans holds this span, or null when it was not pushed. */
    Thread owner;
    long endMicros = -1;
    /** True once a document carrying this span's final (ended) state was written. */
    boolean emitted;
    List<Span> children;
    Map<String, Object> annotations;
    Map<String, Map<String, byte[]>> metadata;
    Map<String, Object> aws;
    Map<String, Object> httpRequest;
    Map<String, Object> httpResponse;
    boolean error;
    boolean fault;
    boolean throttle;
    Throwable cause;

    Span(String name, String namespace, Span parent, long startMicros) {
        this.name = name;
        this.namespace = namespace;
        this.parent = parent;
        this.startMicros = startMicros;
    }

    boolean ended() {
        return endMicros >= 0;
    }

    void addChild(Span child) {
        if (children == null) {
            children = new ArrayList<>(4);
        }
        children.add(child);
    }

    void annotate(String key, Object value) {
        if (annotations == null) {
            annotations = new LinkedHashMap<>();
        }
        annotations.put(key, value);
    }

    void putMetadata(String namespace, String key, byte[] json) {
        if (metadata == null) {
            metadata = new LinkedHashMap<>();
        }
        metadata.computeIfAbsent(namespace, ns -> new LinkedHashMap<>()).put(key, json);
    }

    Map<String, Object> aws() {
        if (aws == null) {
            aws = new LinkedHashMap<>();
        }
        return aws;
    }

    Map<String, Object> httpRequest() {
        if (httpRequest == null) {
            httpRequest = new LinkedHashMap<>();
        }
        return httpRequest;
    }

    Map<String, Object> httpResponse() {
        if (httpResponse == null) {
            httpResponse = new LinkedHashMap<>();
        }
        return httpResponse;
    }

    /** @return the span's id (16 hex digits) */
    public String id() {
        return id;
    }

    /** @return the span's name */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "Span[" + name + " " + id + "]";
    }
}

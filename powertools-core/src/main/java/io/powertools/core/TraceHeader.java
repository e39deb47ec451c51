package io.powertools.core;

import java.util.Optional;

/**
 * An X-Ray trace header as Lambda passes it ({@code Root=1-5759e988-bd862e3fe1be46a994272793;
 * Parent=53995c3f42cd8ad8;Sampled=1}), read into its parts: the trace id (root), the id of the
 * segment the invocation belongs to (parent) and the sampling decision. Every module that reads the
 * header (log lines, EMF metadata, segments) reads it through this one parser, so they agree on
 * which trace an invocation belongs to.
 *
 * <p>Parsing is lenient because the header comes from outside: unknown parts ({@code Lineage=..})
 * are ignored, a missing part is absent, and a header that is only a root id
 * ({@code 1-5759e988-bd862e3fe1be46a994272793}) is read as the root.
 */
public final class TraceHeader {

    private static final TraceHeader EMPTY = new TraceHeader(null, null, Sampling.UNKNOWN);

    private final String root;
    private final String parent;
    private final Sampling sampling;

    private TraceHeader(String root, String parent, Sampling sampling) {
        this.root = root;
        this.parent = parent;
        this.sampling = sampling;
    }

    /** The sampling decision a header carries. */
    public enum Sampling {
        /** {@code Sampled=1}: the trace is recorded. */
        SAMPLED,
        /** {@code Sampled=0}: nothing of this trace is recorded. */
        NOT_SAMPLED,
        /** No decision ({@code Sampled=?} or no {@code Sampled} part). */
        UNKNOWN
    }

    /**
     * Reads a header.
     *
     * @param header the header; may be null or blank
     * @return its parts; every part is absent when the header is null or blank
     */
    public static TraceHeader parse(String header) {
        if (header == null || header.isBlank()) {
            return EMPTY;
        }
        if (header.indexOf(';') < 0 && header.indexOf('=') < 0) {
            return new TraceHeader(header.trim(), null, Sampling.UNKNOWN);
        }
        String root = null;
        String parent = null;
        Sampling sampling = Sampling.UNKNOWN;
        int start = 0;
        while (start < header.length()) {
            int end = header.indexOf(';', start);
            if (end < 0) {
                end = header.length();
            }
            int equals = header.indexOf('=', start);
            if (equals > start && equals < end) {
                String key = header.substring(start, equals).trim();
                String value = header.substring(equals + 1, end).trim();
                if (!value.isEmpty()) {
                    switch (key) {
                        case "Root" -> root = value;
                        case "Parent" -> parent = value;
                        case "Sampled" -> sampling = value.equals("1") ? Sampling.SAMPLED
                                : value.equals("0") ? Sampling.NOT_SAMPLED : Sampling.UNKNOWN;
                        default -> { }
                    }
                }
            }
            start = end + 1;
        }
        return new TraceHeader(root, parent, sampling);
    }

    /**
     * The trace id of a header, without parsing the rest: what log lines write as
     * {@code xray_trace_id}.
     *
     * @param header the header; may be null
     * @return the root, or null when the header has none
     */
    public static String rootOf(String header) {
        return parse(header).root;
    }

    /**
     * The trace id ({@code 1-5759e988-bd862e3fe1be46a994272793}).
     *
     * @return the root, or empty when the header has none
     */
    public Optional<String> root() {
        return Optional.ofNullable(root);
    }

    /**
     * The id of the segment this invocation's work belongs under: on Lambda, the function's segment.
     *
     * @return the parent id, or empty when the header has none
     */
    public Optional<String> parent() {
        return Optional.ofNullable(parent);
    }

    /**
     * The sampling decision.
     *
     * @return the decision; {@link Sampling#UNKNOWN} when the header has none
     */
    public Sampling sampling() {
        return sampling;
    }

    /**
     * Whether the header says this trace is recorded ({@code Sampled=1}).
     *
     * @return true only for {@code Sampled=1}
     */
    public boolean isSampled() {
        return sampling == Sampling.SAMPLED;
    }

    @Override
    public String toString() {
        return "TraceHeader[root=" + root + ", parent=" + parent + ", sampling=" + sampling + "]";
    }
}

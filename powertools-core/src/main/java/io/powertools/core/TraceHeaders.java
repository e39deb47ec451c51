package io.powertools.core;

/**
 * Reads the X-Ray trace header Lambda gives each request ({@code Root=1-...;Parent=...;Sampled=1}),
 * for every module that uses part of it: log lines and EMF blobs carry its root id, EMF blobs the
 * whole header of a sampled request, and tracing's subsegments its root, parent and sampling
 * decision. One reader, so they all name the same trace.
 *
 * <p>Parts may come in any order; parts it does not use ({@code Lineage=..}) are ignored; a header
 * that is only a trace id ({@code 1-5759e988-bd862e3fe1be46a994272793}) is read as the root.
 */
public final class TraceHeaders {

    private TraceHeaders() {
    }

    /**
     * The trace id: the {@code Root} part of the header, or the header itself when it has no parts.
     *
     * @param header the header; may be null
     * @return the trace id, or null when there is none
     */
    public static String root(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        if (header.indexOf(';') < 0 && header.indexOf('=') < 0) {
            return header.trim();
        }
        return part(header, "Root");
    }

    /**
     * The id of the segment the request's work belongs under: on Lambda, the function's segment.
     *
     * @param header the header; may be null
     * @return the {@code Parent} part, or null when there is none
     */
    public static String parent(String header) {
        return part(header, "Parent");
    }

    /**
     * Whether the header says the request is sampled ({@code Sampled=1}); {@code Sampled=0},
     * {@code Sampled=?} and no decision all mean not sampled.
     *
     * @param header the header; may be null
     * @return true when X-Ray records this request
     */
    public static boolean isSampled(String header) {
        return "1".equals(part(header, "Sampled"));
    }

    /** The trimmed value of a {@code key=value} part, or null when absent or empty. */
    private static String part(String header, String key) {
        if (header == null) {
            return null;
        }
        int start = 0;
        int length = header.length();
        while (start < length) {
            int end = header.indexOf(';', start);
            if (end < 0) {
                end = length;
            }
            int equals = header.indexOf('=', start);
            if (equals > start && equals < end && header.substring(start, equals).trim().equals(key)) {
                String value = header.substring(equals + 1, end).trim();
                return value.isEmpty() ? null : value;
            }
            start = end + 1;
        }
        return null;
    }
}

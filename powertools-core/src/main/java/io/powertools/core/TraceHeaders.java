package io.powertools.core;

/**
 * Reads the X-Ray trace header Lambda gives each request ({@code Root=1-...;Parent=...;Sampled=1}),
 * for the modules that write parts of it: log lines and EMF blobs carry its root id, EMF blobs the
 * whole header of a sampled request.
 */
public final class TraceHeaders {

    private static final String ROOT = "Root=";
    private static final String SAMPLED = "Sampled=1";

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
        int start = header.indexOf(ROOT);
        if (start < 0) {
            return header.indexOf(';') < 0 && header.indexOf('=') < 0 ? header.trim() : null;
        }
        start += ROOT.length();
        int end = header.indexOf(';', start);
        String root = (end < 0 ? header.substring(start) : header.substring(start, end)).trim();
        return root.isEmpty() ? null : root;
    }

    /**
     * Whether the header says the request is sampled ({@code Sampled=1}).
     *
     * @param header the header; may be null
     * @return true when X-Ray records this request
     */
    public static boolean isSampled(String header) {
        return header != null && header.contains(SAMPLED);
    }
}

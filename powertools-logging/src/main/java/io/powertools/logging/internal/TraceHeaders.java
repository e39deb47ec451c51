package io.powertools.logging.internal;

/** Reads the X-Ray trace header ({@code Root=1-...;Parent=...;Sampled=1}). */
public final class TraceHeaders {

    private static final String ROOT = "Root=";

    private TraceHeaders() {
    }

    /**
     * The trace id: the {@code Root} part of the header, or the header itself when it has no parts.
     *
     * @param header the header; may be null
     * @return the trace id, or null
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
}

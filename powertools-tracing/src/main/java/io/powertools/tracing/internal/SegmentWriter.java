package io.powertools.tracing.internal;

import io.powertools.core.json.JsonBytes;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Writes spans as X-Ray segment documents with {@link JsonBytes}: a subsegment sent on its own
 * carries {@code type}, {@code trace_id} and {@code parent_id}; one embedded in its parent's
 * {@code subsegments} does not. Times are epoch seconds with microseconds, in plain digits.
 * Called under the invocation's lock.
 */
final class SegmentWriter {

    /** How much of a document a writer keeps, from everything down to the bare minimum. */
    enum Detail {
        /** Everything, subsegments embedded. */
        FULL,
        /** Everything but the subsegments (sent as their own documents). */
        WITHOUT_CHILDREN,
        /** No subsegments and no metadata. */
        WITHOUT_METADATA,
        /** Name, ids, times, flags and annotations only; causes keep type and message. */
        MINIMAL
    }

    static final int MAX_STACK_FRAMES = 50;
    private static final int MAX_CAUSES = 8;
    private static final int MINIMAL_MESSAGE_LENGTH = 256;

    private static final byte[] NAME = JsonBytes.fragment("{\"name\":");
    private static final byte[] ID = JsonBytes.fragment(",\"id\":");
    private static final byte[] START = JsonBytes.fragment(",\"start_time\":");
    private static final byte[] END = JsonBytes.fragment(",\"end_time\":");
    private static final byte[] IN_PROGRESS = JsonBytes.fragment(",\"in_progress\":true");
    private static final byte[] TYPE_TRACE = JsonBytes.fragment(",\"type\":\"subsegment\",\"trace_id\":");
    private static final byte[] PARENT = JsonBytes.fragment(",\"parent_id\":");
    private static final byte[] NAMESPACE = JsonBytes.fragment(",\"namespace\":");
    private static final byte[] ERROR = JsonBytes.fragment(",\"error\":true");
    private static final byte[] FAULT = JsonBytes.fragment(",\"fault\":true");
    private static final byte[] THROTTLE = JsonBytes.fragment(",\"throttle\":true");
    private static final byte[] ANNOTATIONS = JsonBytes.fragment(",\"annotations\":{");
    private static final byte[] METADATA = JsonBytes.fragment(",\"metadata\":{");
    private static final byte[] AWS = JsonBytes.fragment(",\"aws\":");
    private static final byte[] HTTP = JsonBytes.fragment(",\"http\":{");
    private static final byte[] REQUEST = JsonBytes.fragment("\"request\":");
    private static final byte[] RESPONSE = JsonBytes.fragment("\"response\":");
    private static final byte[] CAUSE = JsonBytes.fragment(",\"cause\":{\"exceptions\":[");
    private static final byte[] SUBSEGMENTS = JsonBytes.fragment(",\"subsegments\":[");

    private SegmentWriter() {
    }

    /**
     * Writes a span as a document of its own.
     *
     * @param out the buffer (reset first)
     * @param span the span
     * @param traceId the trace's root id
     * @param parentId the id of the segment or subsegment it belongs under
     * @param detail how much to write
     */
    static void document(JsonBytes out, Span span, String traceId, String parentId, Detail detail) {
        out.reset();
        span(out, span, traceId, parentId, detail);
    }

    private static void span(JsonBytes out, Span span, String traceId, String parentId, Detail detail) {
        out.raw(NAME).string(span.name).raw(ID).string(span.id).raw(START).fixedPoint(span.startMicros, 6);
        if (span.ended()) {
            out.raw(END).fixedPoint(Math.max(span.endMicros, span.startMicros), 6);
        } else {
            out.raw(IN_PROGRESS);
        }
        if (traceId != null) {
            out.raw(TYPE_TRACE).string(traceId).raw(PARENT).string(parentId);
        }
        if (span.namespace != null) {
            out.raw(NAMESPACE).string(span.namespace);
        }
        if (span.error) {
            out.raw(ERROR);
        }
        if (span.fault) {
            out.raw(FAULT);
        }
        if (span.throttle) {
            out.raw(THROTTLE);
        }
        if (span.httpRequest != null || span.httpResponse != null) {
            out.raw(HTTP);
            if (span.httpRequest != null) {
                out.raw(REQUEST);
                scalars(out, span.httpRequest);
            }
            if (span.httpResponse != null) {
                if (span.httpRequest != null) {
                    out.raw(',');
                }
                out.raw(RESPONSE);
                scalars(out, span.httpResponse);
            }
            out.raw('}');
        }
        if (span.aws != null) {
            out.raw(AWS);
            scalars(out, span.aws);
        }
        if (span.annotations != null) {
            out.raw(ANNOTATIONS);
            boolean first = true;
            for (Map.Entry<String, Object> annotation : span.annotations.entrySet()) {
                if (!first) {
                    out.raw(',');
                }
                first = false;
                out.string(annotation.getKey()).raw(':');
                scalar(out, annotation.getValue());
            }
            out.raw('}');
        }
        if (span.metadata != null && (detail == Detail.FULL || detail == Detail.WITHOUT_CHILDREN)) {
            out.raw(METADATA);
            boolean firstNamespace = true;
            for (Map.Entry<String, Map<String, byte[]>> namespace : span.metadata.entrySet()) {
                if (!firstNamespace) {
                    out.raw(',');
                }
                firstNamespace = false;
                out.string(namespace.getKey()).raw(':').raw('{');
                boolean first = true;
                for (Map.Entry<String, byte[]> entry : namespace.getValue().entrySet()) {
                    if (!first) {
                        out.raw(',');
                    }
                    first = false;
                    out.string(entry.getKey()).raw(':').raw(entry.getValue());
                }
                out.raw('}');
            }
            out.raw('}');
        }
        if (span.cause != null) {
            cause(out, span.cause, detail == Detail.MINIMAL);
        }
        if (span.children != null && detail == Detail.FULL) {
            out.raw(SUBSEGMENTS);
            for (int i = 0; i < span.children.size(); i++) {
                if (i > 0) {
                    out.raw(',');
                }
                span(out, span.children.get(i), null, null, detail);
            }
            out.raw(']');
        }
        out.raw('}');
    }

    private static void cause(JsonBytes out, Throwable throwable, boolean minimal) {
        out.raw(CAUSE);
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        String[] ids = new String[MAX_CAUSES];
        Throwable[] chain = new Throwable[MAX_CAUSES];
        int count = 0;
        for (Throwable t = throwable; t != null && count < MAX_CAUSES && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            chain[count] = t;
            ids[count] = Ids.next();
            count++;
        }
        for (int i = 0; i < count; i++) {
            Throwable t = chain[i];
            if (i > 0) {
                out.raw(',');
            }
            out.ascii("{\"id\":").string(ids[i]).ascii(",\"type\":").string(t.getClass().getName());
            String message = t.getMessage();
            if (message != null) {
                if (minimal && message.length() > MINIMAL_MESSAGE_LENGTH) {
                    message = message.substring(0, MINIMAL_MESSAGE_LENGTH) + "...";
                }
                out.ascii(",\"message\":").string(message);
            }
            if (!minimal) {
                stack(out, t.getStackTrace());
            }
            if (i + 1 < count) {
                out.ascii(",\"cause\":").string(ids[i + 1]);
            }
            out.raw('}');
        }
        out.ascii("]}");
    }

    private static void stack(JsonBytes out, StackTraceElement[] frames) {
        int written = Math.min(frames.length, MAX_STACK_FRAMES);
        out.ascii(",\"stack\":[");
        for (int i = 0; i < written; i++) {
            StackTraceElement frame = frames[i];
            if (i > 0) {
                out.raw(',');
            }
            out.ascii("{\"path\":").string(frame.getFileName() == null ? frame.getClassName() : frame.getFileName())
                    .ascii(",\"line\":").number(Math.max(frame.getLineNumber(), 0))
                    .ascii(",\"label\":").string(frame.getClassName() + "." + frame.getMethodName()).raw('}');
        }
        out.raw(']');
        if (frames.length > written) {
            out.ascii(",\"truncated\":").number(frames.length - written);
        }
    }

    private static void scalars(JsonBytes out, Map<String, Object> values) {
        out.raw('{');
        boolean first = true;
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            if (!first) {
                out.raw(',');
            }
            first = false;
            out.string(entry.getKey()).raw(':');
            scalar(out, entry.getValue());
        }
        out.raw('}');
    }

    private static void scalar(JsonBytes out, Object value) {
        if (value instanceof Boolean bool) {
            out.bool(bool);
        } else if (value instanceof Double || value instanceof Float) {
            out.number(((Number) value).doubleValue());
        } else if (value instanceof java.math.BigDecimal || value instanceof java.math.BigInteger) {
            out.ascii(value.toString());
        } else if (value instanceof Number number) {
            out.number(number.longValue());
        } else {
            out.string(String.valueOf(value));
        }
    }
}

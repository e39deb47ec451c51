package io.powertools.tracing.internal;

import io.powertools.core.Invocation;
import io.powertools.core.InvocationLocal;
import io.powertools.core.TraceHeaders;
import io.powertools.core.json.JsonBytes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The trace of one invocation: its trace id and parent from the invocation's own header, the
 * subsegments it recorded, and for each thread working in it the subsegments open there. It lives
 * in the invocation ({@link #SLOT}), so concurrent invocations never see each other's tree, and a
 * worker thread running inside an invocation ({@code Invocation.wrap}) nests under that
 * invocation's subsegments.
 *
 * <p>Emission: a subsegment is written when it ends if its parent is the function's segment (the
 * header's {@code Parent}) or was already written; otherwise it travels embedded in its parent's
 * document. Subsegments still open when their parent is written appear {@code in_progress} and are
 * written again, complete, when they end. A document over the datagram limit is split: its
 * subsegments go as documents of their own, then metadata, then stacks are left out, each
 * reported; nothing is dropped in silence.
 *
 * <p>All mutation happens under this object's lock, which only this invocation's threads take.
 */
public final class TraceState {

    /** Where an invocation keeps its trace. */
    public static final InvocationLocal<TraceState> SLOT = InvocationLocal.of("powertools-tracing");

    /** The state of an invocation that records nothing (not sampled, disabled, priming). */
    static final TraceState OFF = new TraceState(null, null, null, null);

    private final TracingConfig config;
    private final DaemonClient client;
    private final String traceId;
    private final String parentId;
    /** Open spans per thread working in this invocation; guarded by this. */
    private final Map<Thread, ArrayDeque<Span>> open;
    private Span handler;
    private int annotationCount;

    private TraceState(TracingConfig config, DaemonClient client, String traceId, String parentId) {
        this.config = config;
        this.client = client;
        this.traceId = traceId;
        this.parentId = parentId;
        this.open = config == null ? Map.of() : new HashMap<>(4);
    }

    /**
     * The trace of the invocation, created on first use with the given configuration.
     *
     * @param invocation the invocation
     * @param config the configuration the first user brings
     * @return the state; {@link #isRecording()} is false when nothing is recorded
     */
    public static TraceState of(Invocation invocation, TracingConfig config) {
        TraceState state = SLOT.find(invocation).orElse(null);
        if (state == null) {
            state = create(invocation, config);
            SLOT.set(invocation, state);
        }
        return state;
    }

    /**
     * The trace of the calling thread's invocation, created with the process-wide configuration
     * when the invocation has none yet.
     *
     * @return the state; {@link #OFF} outside an invocation
     */
    public static TraceState current() {
        Invocation invocation = Invocation.currentOrNull();
        if (invocation == null) {
            return OFF;
        }
        return of(invocation, TracingConfig.process());
    }

    private static TraceState create(Invocation invocation, TracingConfig config) {
        // A closed invocation has dropped its trace with its other state: work that outlives its
        // invocation (begun after the handler returned) is not recorded.
        if (config.disabled() || invocation.isPriming() || !invocation.isOpen()) {
            return OFF;
        }
        String header = invocation.traceId().orElse(null);
        String root = TraceHeaders.root(header);
        String parent = TraceHeaders.parent(header);
        if (!TraceHeaders.isSampled(header) || root == null || parent == null) {
            return OFF;
        }
        return new TraceState(config, config.client(), root, parent);
    }

    /**
     * Whether this invocation records subsegments.
     *
     * @return false when not sampled, disabled or priming
     */
    public boolean isRecording() {
        return config != null;
    }

    /** @return the trace's root id, or null when not recording */
    public String traceId() {
        return traceId;
    }

    /** @return the id of the function's segment the subsegments belong under */
    public String parentId() {
        return parentId;
    }

    /** @return the configuration */
    public TracingConfig config() {
        return config;
    }

    /**
     * Starts a subsegment on the calling thread, under the innermost one open on this thread in
     * this invocation, else under the handler's subsegment, else under the function's segment.
     *
     * @param name a valid subsegment name
     * @param namespace {@code aws}, {@code remote} or null
     * @return the span, or null when not recording
     */
    public Span begin(String name, String namespace) {
        return begin(name, namespace, true);
    }

    /**
     * Starts a subsegment that nothing nests under (a call to another service), so work that
     * continues on the thread while the call is in flight does not land inside it, and it may end
     * on another thread (asynchronous clients).
     *
     * @param name a valid subsegment name
     * @param namespace {@code aws}, {@code remote} or null
     * @return the span, or null when not recording
     */
    public Span beginCall(String name, String namespace) {
        return begin(name, namespace, false);
    }

    private Span begin(String name, String namespace, boolean push) {
        if (config == null) {
            return null;
        }
        long now = config.nowMicros();
        synchronized (this) {
            Thread thread = Thread.currentThread();
            ArrayDeque<Span> stack = open.get(thread);
            Span parent = stack == null ? null : stack.peek();
            if (parent == null && handler != null && !handler.ended()) {
                parent = handler;
            }
            Span span = new Span(name, namespace, parent, now);
            if (parent != null) {
                parent.addChild(span);
            }
            if (push) {
                if (stack == null) {
                    stack = new ArrayDeque<>(4);
                    open.put(thread, stack);
                }
                stack.push(span);
                span.owner = thread;
            }
            return span;
        }
    }

    /**
     * Starts the handler's subsegment: the parent of every subsegment of this invocation that
     * starts on a thread with none open. Only the first one of an invocation becomes the handler's
     * (a second traced handler called inside the first is an ordinary subsegment).
     *
     * @param name the name
     * @param namespace {@code aws}, {@code remote} or null
     * @return the span, or null when not recording
     */
    public Span beginHandler(String name, String namespace) {
        Span span = begin(name, namespace);
        if (span != null) {
            synchronized (this) {
                if (handler == null) {
                    handler = span;
                }
            }
        }
        return span;
    }

    /**
     * Whether a span is this invocation's handler subsegment (the first one begun as such).
     *
     * @param span the span
     * @return true for the handler's subsegment
     */
    public synchronized boolean isHandler(Span span) {
        return span != null && span == handler;
    }

    /**
     * Ends a span and sends what became complete.
     *
     * @param span the span from {@link #begin}; null does nothing
     */
    public void end(Span span) {
        if (span == null) {
            return;
        }
        long now = config.nowMicros();
        List<byte[]> documents;
        synchronized (this) {
            if (span.ended()) {
                return;
            }
            span.endMicros = now;
            ArrayDeque<Span> stack = span.owner == null ? null : open.get(span.owner);
            if (stack != null) {
                stack.remove(span);
                if (stack.isEmpty()) {
                    open.remove(span.owner);
                }
            }
            if (span.parent != null && !span.parent.emitted) {
                return; // travels in its parent's document
            }
            documents = new ArrayList<>(1);
            write(span, span.parent == null ? parentId : span.parent.id, documents);
        }
        for (byte[] document : documents) {
            client.send(document, document.length, traceId);
        }
    }

    /**
     * The innermost span open on the calling thread in this invocation, else the handler's.
     *
     * @return the span, or null when there is none or not recording
     */
    public Span currentSpan() {
        if (config == null) {
            return null;
        }
        synchronized (this) {
            ArrayDeque<Span> stack = open.get(Thread.currentThread());
            Span span = stack == null ? null : stack.peek();
            return span != null ? span : handler != null && !handler.ended() ? handler : null;
        }
    }

    /**
     * Adds an annotation to a span.
     *
     * @param span the span
     * @param key a valid key
     * @param value a valid value
     * @throws IllegalArgumentException when the invocation already has the most annotations X-Ray keeps
     */
    public void annotate(Span span, String key, Object value) {
        synchronized (this) {
            if (span.annotations == null || !span.annotations.containsKey(key)) {
                if (annotationCount >= Names.MAX_ANNOTATIONS) {
                    throw new IllegalArgumentException("Annotation '" + key + "' would be number "
                            + (annotationCount + 1) + " of this invocation; X-Ray indexes at most "
                            + Names.MAX_ANNOTATIONS + " per trace: put the rest in metadata");
                }
                annotationCount++;
            }
            span.annotate(key, value);
        }
    }

    /**
     * Adds metadata to a span.
     *
     * @param span the span
     * @param namespace a valid namespace
     * @param key the key
     * @param value any value; rendered to JSON now
     */
    public void putMetadata(Span span, String namespace, String key, Object value) {
        byte[] json = MetadataJson.render(value);
        synchronized (this) {
            span.putMetadata(namespace, key, json);
        }
    }

    /**
     * Records a failure on a span: {@code fault}, and the exception chain as its {@code cause}
     * when one is given (not given when errors are not captured: messages may hold data).
     *
     * @param span the span
     * @param failure the exception, or null to set only the flag
     */
    public void fail(Span span, Throwable failure) {
        synchronized (this) {
            span.fault = true;
            if (failure != null) {
                span.cause = failure;
            }
        }
    }

    /**
     * Describes a finished call to another service on its span: the {@code aws} fields, the HTTP
     * status, and what went wrong (4xx: {@code error}, throttling: {@code throttle} too, 5xx or no
     * response: {@code fault}).
     *
     * @param span the call's span from {@link #beginCall}
     * @param aws the {@code aws} fields (operation, region, request_id, retries, table_name...)
     * @param status the HTTP status, or 0 when no response arrived
     * @param throttled whether the service throttled the call
     * @param failure the exception, or null when the call succeeded
     */
    public void describeCall(Span span, Map<String, Object> aws, int status, boolean throttled, Throwable failure) {
        synchronized (this) {
            span.aws().putAll(aws);
            if (status > 0) {
                span.httpResponse().put("status", status);
            }
            if (failure != null || status >= 400) {
                if (status >= 500 || status == 0) {
                    span.fault = true;
                } else {
                    span.error = true;
                    span.throttle = throttled || status == 429;
                }
                if (failure != null && config.captureError()) {
                    span.cause = failure;
                }
            }
        }
    }

    /**
     * The trace header a call to another service carries ({@code X-Amzn-Trace-Id}), naming the
     * call's subsegment as the parent of what the service records.
     *
     * @param span the call's span
     * @return {@code Root=..;Parent=<span id>;Sampled=1}
     */
    public String downstreamHeader(Span span) {
        return "Root=" + traceId + ";Parent=" + span.id + ";Sampled=1";
    }

    /**
     * Reports a problem of the instrumentation itself (never thrown into the instrumented call).
     *
     * @param problem what went wrong
     */
    public void reportProblem(String problem) {
        if (client != null) {
            client.reportShrunk(traceId, problem);
        }
    }

    /** Writes a span's documents, splitting what does not fit one datagram. Under the lock. */
    private void write(Span span, String parent, List<byte[]> documents) {
        JsonBytes out = new JsonBytes(1024);
        SegmentWriter.document(out, span, traceId, parent, SegmentWriter.Detail.FULL);
        if (out.size() <= DaemonClient.MAX_DOCUMENT_BYTES) {
            documents.add(Arrays.copyOf(out.array(), out.size()));
            markWritten(span);
            return;
        }
        SegmentWriter.Detail detail = SegmentWriter.Detail.WITHOUT_CHILDREN;
        SegmentWriter.document(out, span, traceId, parent, detail);
        if (out.size() > DaemonClient.MAX_DOCUMENT_BYTES) {
            detail = SegmentWriter.Detail.WITHOUT_METADATA;
            SegmentWriter.document(out, span, traceId, parent, detail);
            if (out.size() > DaemonClient.MAX_DOCUMENT_BYTES) {
                detail = SegmentWriter.Detail.MINIMAL;
                SegmentWriter.document(out, span, traceId, parent, detail);
            }
            client.reportShrunk(traceId, "subsegment '" + span.name + "' (" + span.id + ") left out its metadata"
                    + (detail == SegmentWriter.Detail.MINIMAL ? " and its stack traces" : "")
                    + " to fit the X-Ray daemon's datagram limit of " + DaemonClient.MAX_DATAGRAM_BYTES + " bytes");
        }
        if (out.size() <= DaemonClient.MAX_DOCUMENT_BYTES) {
            documents.add(Arrays.copyOf(out.array(), out.size()));
        } else {
            client.report(traceId, "subsegment '" + span.name + "' (" + span.id + ") has " + out.size()
                    + " bytes even without metadata and stack traces");
        }
        span.emitted = span.ended();
        if (span.children != null) {
            for (Span child : span.children) {
                write(child, span.id, documents);
            }
        }
    }

    private static void markWritten(Span span) {
        span.emitted = span.ended();
        if (span.children != null) {
            for (Span child : span.children) {
                markWritten(child);
            }
        }
    }

    /** @return how many threads have subsegments open in this invocation (for tests) */
    synchronized int threadsWithOpenSpans() {
        return open.size();
    }
}

package io.powertools.testing;

import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An X-Ray trace header for tests, in the form Lambda passes to the runtime
 * ({@code Root=1-<8 hex epoch seconds>-<24 hex>;Parent=<16 hex>;Sampled=1}): give it to a
 * {@link FakeContext} or an {@link InvocationRequest}, then find the invocation's documents in an
 * {@link XRayDaemon} by {@link #root()}.
 *
 * <pre>{@code
 * XRayTraceHeader header = XRayTraceHeader.sampled();
 * runtime.invokeAndWait(InvocationRequest.builder("{}").traceId(header.toString()).build());
 * XRayTrace trace = daemon.awaitTrace(header, Duration.ofSeconds(5));
 * }</pre>
 *
 * @param root the trace id ({@code 1-5759e988-bd862e3fe1be46a994272793})
 * @param parent the id of the function's segment
 * @param isSampled whether the header says {@code Sampled=1} (else {@code Sampled=0})
 */
public record XRayTraceHeader(String root, String parent, boolean isSampled) {

    /**
     * Creates a header.
     *
     * @param root the trace id
     * @param parent the parent segment id
     * @param isSampled the sampling decision
     */
    public XRayTraceHeader {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(parent, "parent");
    }

    /**
     * A fresh, sampled header: a new trace id whose time part is now, and a new parent id.
     *
     * @return the header
     */
    public static XRayTraceHeader sampled() {
        return fresh(true);
    }

    /**
     * A fresh header with {@code Sampled=0}: nothing of this invocation may be sent.
     *
     * @return the header
     */
    public static XRayTraceHeader notSampled() {
        return fresh(false);
    }

    private static XRayTraceHeader fresh(boolean sampled) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String root = "1-" + String.format("%08x", Instant.now().getEpochSecond()) + "-"
                + String.format("%08x%016x", random.nextInt(), random.nextLong());
        return new XRayTraceHeader(root, String.format("%016x", random.nextLong()), sampled);
    }

    /**
     * The header as Lambda sends it.
     *
     * @return {@code Root=..;Parent=..;Sampled=1|0}
     */
    @Override
    public String toString() {
        return "Root=" + root + ";Parent=" + parent + ";Sampled=" + (isSampled ? "1" : "0");
    }
}

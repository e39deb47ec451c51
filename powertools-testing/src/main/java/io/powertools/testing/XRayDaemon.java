package io.powertools.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A stand-in for the X-Ray daemon: listens on a loopback UDP port, keeps every datagram it
 * receives, validates each with {@link XRaySegmentValidator} and assembles traces. Give
 * {@link #address()} to the function as {@code AWS_XRAY_DAEMON_ADDRESS} (for example through
 * {@code LocalLambdaRuntime.builder().environment(..)}).
 *
 * <pre>{@code
 * try (XRayDaemon daemon = XRayDaemon.start()) {
 *     ... invoke with AWS_XRAY_DAEMON_ADDRESS = daemon.address() ...
 *     assertThat(daemon.problems()).isEmpty();
 *     XRayTrace trace = daemon.awaitTrace(header.root(), t -> t.inProgress().isEmpty(), Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <p>UDP loses datagrams when a receiver falls behind; this one only copies each datagram on its
 * receiving thread and asks for a large socket buffer, so on loopback it keeps up with tests.
 */
public final class XRayDaemon implements AutoCloseable {

    private static final int RECEIVE_BUFFER_BYTES = 8 * 1024 * 1024;

    private final DatagramSocket socket;
    private final Thread receiver;
    /** Guarded by itself. */
    private final List<byte[]> datagrams = new ArrayList<>();

    private XRayDaemon(DatagramSocket socket) {
        this.socket = socket;
        this.receiver = new Thread(this::receive, "xray-daemon-" + socket.getLocalPort());
        this.receiver.setDaemon(true);
        this.receiver.start();
    }

    /**
     * Starts listening on a free loopback port.
     *
     * @return the daemon; close it when done
     */
    public static XRayDaemon start() {
        try {
            DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            socket.setReceiveBufferSize(RECEIVE_BUFFER_BYTES);
            return new XRayDaemon(socket);
        } catch (SocketException e) {
            throw new UncheckedIOException("cannot open a loopback UDP socket for the X-Ray daemon stand-in", e);
        }
    }

    /**
     * Where to send documents, as {@code AWS_XRAY_DAEMON_ADDRESS} takes it.
     *
     * @return {@code 127.0.0.1:<port>}
     */
    public String address() {
        return socket.getLocalAddress().getHostAddress() + ":" + socket.getLocalPort();
    }

    private void receive() {
        byte[] buffer = new byte[XRaySegmentValidator.MAX_DATAGRAM_BYTES + 1];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!socket.isClosed()) {
            try {
                packet.setLength(buffer.length);
                socket.receive(packet);
                byte[] copy = Arrays.copyOfRange(buffer, packet.getOffset(), packet.getOffset() + packet.getLength());
                synchronized (datagrams) {
                    datagrams.add(copy);
                    datagrams.notifyAll();
                }
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    throw new UncheckedIOException("X-Ray daemon stand-in stopped receiving", e);
                }
            }
        }
    }

    /** @return every datagram received so far, in order */
    public List<byte[]> datagrams() {
        synchronized (datagrams) {
            return List.copyOf(datagrams);
        }
    }

    /** @return how many datagrams were received so far */
    public int received() {
        synchronized (datagrams) {
            return datagrams.size();
        }
    }

    /** @return the validation problems of every datagram so far, each prefixed with its index */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        List<byte[]> all = datagrams();
        for (int i = 0; i < all.size(); i++) {
            for (String problem : XRaySegmentValidator.validateDatagram(all.get(i))) {
                problems.add("datagram " + i + ": " + problem);
            }
        }
        return problems;
    }

    /** @return the documents received so far, parsed strictly (header line removed) */
    public List<JsonNode> documents() {
        List<JsonNode> documents = new ArrayList<>();
        for (byte[] datagram : datagrams()) {
            int newline = 0;
            while (newline < datagram.length && datagram[newline] != '\n') {
                newline++;
            }
            documents.add(StrictJson.parse(datagram, newline + 1, datagram.length - newline - 1));
        }
        return documents;
    }

    /** @return every trace received so far, by trace id */
    public Map<String, XRayTrace> traces() {
        Map<String, List<JsonNode>> byTrace = new LinkedHashMap<>();
        for (JsonNode document : documents()) {
            byTrace.computeIfAbsent(document.path("trace_id").asText(""), id -> new ArrayList<>()).add(document);
        }
        Map<String, XRayTrace> traces = new LinkedHashMap<>();
        byTrace.forEach((id, documents) -> traces.put(id, XRayTrace.of(id, documents)));
        return traces;
    }

    /**
     * The trace as received so far.
     *
     * @param traceId the trace id (a header's root)
     * @return the trace; without subsegments when nothing arrived for it
     */
    public XRayTrace trace(String traceId) {
        List<JsonNode> documents = new ArrayList<>();
        for (JsonNode document : documents()) {
            if (traceId.equals(document.path("trace_id").asText(null))) {
                documents.add(document);
            }
        }
        return XRayTrace.of(traceId, documents);
    }

    /**
     * Waits until a trace satisfies a condition (datagrams arrive after the response does).
     *
     * @param traceId the trace id
     * @param condition what the trace must satisfy
     * @param timeout how long to wait
     * @return the trace
     * @throws AssertionError when the condition does not hold in time, with the trace as received
     */
    public XRayTrace awaitTrace(String traceId, Predicate<XRayTrace> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            int seen = received();
            XRayTrace trace = trace(traceId);
            if (condition.test(trace)) {
                return trace;
            }
            if (!awaitMoreThan(seen, deadline)) {
                throw new AssertionError("trace " + traceId + " did not reach the expected state within " + timeout
                        + "; received: " + trace);
            }
        }
    }

    /**
     * Waits until at least a number of datagrams arrived.
     *
     * @param count how many
     * @param timeout how long to wait
     * @throws AssertionError when fewer arrived in time
     */
    public void awaitDatagrams(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (datagrams) {
            while (datagrams.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("expected " + count + " datagrams within " + timeout + ", received "
                            + datagrams.size());
                }
                waitNanos(left);
            }
        }
    }

    /** Waits until more than {@code seen} datagrams arrived; false once the deadline passed. */
    private boolean awaitMoreThan(int seen, long deadline) {
        synchronized (datagrams) {
            long left;
            while (datagrams.size() <= seen && (left = deadline - System.nanoTime()) > 0) {
                waitNanos(left);
            }
            return datagrams.size() > seen;
        }
    }

    private void waitNanos(long nanos) {
        try {
            datagrams.wait(Math.max(1, nanos / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for X-Ray datagrams", e);
        }
    }

    /** Forgets every datagram received so far. */
    public void clear() {
        synchronized (datagrams) {
            datagrams.clear();
        }
    }

    /** Stops listening. */
    @Override
    public void close() {
        socket.close();
        try {
            receiver.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "XRayDaemon[" + address() + ", " + received() + " datagrams]";
    }
}

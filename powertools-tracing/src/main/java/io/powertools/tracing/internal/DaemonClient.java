package io.powertools.tracing.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends segment documents to the X-Ray daemon: one UDP datagram per document, the daemon's header
 * line first. Sending never throws and never blocks the handler (the channel is non-blocking);
 * a document that cannot be sent is counted and reported on standard error, which Lambda keeps in
 * the function's log, so a lost document is never silent.
 *
 * <p>One client per process is shared by all invocations; a datagram send is one system call.
 */
public final class DaemonClient {

    /** The header line the daemon expects before each document. */
    static final byte[] HEADER = "{\"format\": \"json\", \"version\": 1}\n".getBytes(StandardCharsets.US_ASCII);
    /**
     * The largest datagram sent, header included: under the daemon's 64 kB document limit in
     * either reading of kB, and under the 65,507 bytes an IPv4 UDP datagram can carry.
     */
    public static final int MAX_DATAGRAM_BYTES = 64_000;
    /** The largest document, so that the header and the document fit one datagram. */
    public static final int MAX_DOCUMENT_BYTES = MAX_DATAGRAM_BYTES - HEADER.length;

    private final InetSocketAddress address;
    private final PrintStream reports;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile DatagramChannel channel;

    /**
     * Creates a client; the socket opens on the first send, so a function that never sends a
     * document never opens one.
     *
     * @param address the daemon's UDP address
     * @param reports where drops are reported (standard error in production)
     */
    public DaemonClient(InetSocketAddress address, PrintStream reports) {
        this.address = address;
        this.reports = reports;
    }

    /**
     * Sends one document.
     *
     * @param document the document's UTF-8 bytes, at most {@link #MAX_DOCUMENT_BYTES}
     * @param length how many bytes of the array to send
     * @param traceId the trace, for the report when it cannot be sent
     * @return true when the datagram was handed to the network
     */
    public boolean send(byte[] document, int length, String traceId) {
        if (length > MAX_DOCUMENT_BYTES) {
            report(traceId, "it has " + length + " bytes, over the " + MAX_DOCUMENT_BYTES + " a datagram can carry");
            return false;
        }
        ByteBuffer datagram = ByteBuffer.allocate(HEADER.length + length);
        datagram.put(HEADER).put(document, 0, length).flip();
        try {
            if (channel().send(datagram, address) == 0) {
                report(traceId, "the socket's send buffer is full");
                return false;
            }
            sent.incrementAndGet();
            return true;
        } catch (IOException | RuntimeException e) {
            report(traceId, e.toString());
            return false;
        }
    }

    /**
     * Records a document that was not sent for a reason found before sending (too large even
     * after shrinking).
     *
     * @param traceId the trace
     * @param reason why
     */
    public void report(String traceId, String reason) {
        long count = dropped.incrementAndGet();
        reports.println("powertools-tracing: a segment document of trace " + traceId + " to the X-Ray daemon at "
                + address + " was not sent: " + reason + " (" + count + " not sent by this process so far)");
    }

    /**
     * Records that part of a document (metadata, a stack) was left out so the rest fits.
     *
     * @param traceId the trace
     * @param what what was left out and why
     */
    public void reportShrunk(String traceId, String what) {
        reports.println("powertools-tracing: in a segment document of trace " + traceId + ", " + what);
    }

    /** @return how many datagrams this client handed to the network */
    public long sentCount() {
        return sent.get();
    }

    /** @return how many documents this client could not send */
    public long droppedCount() {
        return dropped.get();
    }

    /** @return the daemon's address */
    public InetSocketAddress address() {
        return address;
    }

    private DatagramChannel channel() throws IOException {
        DatagramChannel open = channel;
        if (open == null) {
            synchronized (this) {
                open = channel;
                if (open == null) {
                    open = DatagramChannel.open(address.getAddress() instanceof java.net.Inet6Address
                            ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
                    open.configureBlocking(false);
                    channel = open;
                }
            }
        }
        return open;
    }
}

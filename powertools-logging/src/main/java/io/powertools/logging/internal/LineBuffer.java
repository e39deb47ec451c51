package io.powertools.logging.internal;

import java.nio.ByteBuffer;
import org.apache.logging.log4j.core.layout.ByteBufferDestination;

/**
 * A growable, reusable byte buffer that a Log4j layout encodes one whole event into. Unlike an
 * output stream manager, it never writes part of an event out when it is full: it grows, so the
 * caller can hand the complete line to the output in a single write.
 *
 * <p>Not thread-safe: each thread uses its own (the appender keeps one per thread).
 */
public final class LineBuffer implements ByteBufferDestination {

    private static final int INITIAL_CAPACITY = 8 * 1024;
    /** A buffer grown past this by a huge event is dropped after use rather than kept forever. */
    private static final int RETAINED_CAPACITY = 256 * 1024;

    private ByteBuffer buffer = ByteBuffer.allocate(INITIAL_CAPACITY);

    /** Empties the buffer for the next event. */
    public void clear() {
        if (buffer.capacity() > RETAINED_CAPACITY) {
            buffer = ByteBuffer.allocate(INITIAL_CAPACITY);
        } else {
            buffer.clear();
        }
    }

    /**
     * The backing array; the event's bytes are {@code array()[0 .. size())}.
     *
     * @return the array
     */
    public byte[] array() {
        return buffer.array();
    }

    /**
     * Number of bytes encoded so far.
     *
     * @return the size
     */
    public int size() {
        return buffer.position();
    }

    @Override
    public ByteBuffer getByteBuffer() {
        return buffer;
    }

    @Override
    public ByteBuffer drain(ByteBuffer full) {
        // Called when the encoder ran out of room: keep what it wrote and give it more space.
        ensureRemaining(Math.max(full.capacity(), INITIAL_CAPACITY));
        return buffer;
    }

    @Override
    public void writeBytes(ByteBuffer data) {
        ensureRemaining(data.remaining());
        buffer.put(data);
    }

    @Override
    public void writeBytes(byte[] data, int offset, int length) {
        ensureRemaining(length);
        buffer.put(data, offset, length);
    }

    private void ensureRemaining(int needed) {
        if (buffer.remaining() >= needed) {
            return;
        }
        int capacity = buffer.capacity();
        while (capacity - buffer.position() < needed) {
            capacity = Math.multiplyExact(capacity, 2);
        }
        ByteBuffer larger = ByteBuffer.allocate(capacity);
        buffer.flip();
        larger.put(buffer);
        buffer = larger;
    }
}

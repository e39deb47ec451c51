package io.powertools.logging.internal;

import java.io.Writer;

/**
 * A {@link Writer} into a reusable buffer that keeps the first N characters and drops the rest, so
 * printing a very deep stack trace costs at most N characters of memory.
 */
final class BoundedTextWriter extends Writer {

    private final int maxLength;
    private final StringBuilder text = new StringBuilder();

    BoundedTextWriter(int maxLength) {
        this.maxLength = maxLength;
    }

    void clear() {
        text.setLength(0);
        if (text.capacity() > maxLength) {
            text.trimToSize();
        }
    }

    CharSequence text() {
        return text;
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        int room = maxLength - text.length();
        if (room > 0) {
            text.append(chars, offset, Math.min(room, length));
        }
    }

    @Override
    public void write(String string, int offset, int length) {
        int room = maxLength - text.length();
        if (room > 0) {
            text.append(string, offset, offset + Math.min(room, length));
        }
    }

    @Override
    public void write(int c) {
        if (text.length() < maxLength) {
            text.append((char) c);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}

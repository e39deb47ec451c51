package io.powertools.metrics;

import java.io.PrintStream;

/**
 * Where EMF lines go. Lambda ships whatever the function writes to standard output to
 * CloudWatch Logs, which extracts the metrics; {@link #stdout()} is the default.
 *
 * <p>Each call receives one complete line (a JSON object followed by {@code '\n'}) and must
 * write it with one write of the whole line, so lines of concurrent invocations never
 * interleave. The bytes are only valid during the call.
 */
@FunctionalInterface
public interface EmfSink {

    /**
     * Writes one complete EMF line.
     *
     * @param line UTF-8 bytes of the JSON object and its terminating newline
     * @param offset where the line starts in {@code line}
     * @param length the number of bytes, newline included
     */
    void write(byte[] line, int offset, int length);

    /**
     * Standard output, looked up at every write: the Lambda runtime client replaces
     * {@code System.out} after the library classes may already be loaded.
     *
     * @return the standard output sink
     */
    static EmfSink stdout() {
        return (line, offset, length) -> {
            PrintStream out = System.out;
            // PrintStream.write(byte[],int,int) is one synchronized write of the whole line.
            out.write(line, offset, length);
            out.flush();
        };
    }
}

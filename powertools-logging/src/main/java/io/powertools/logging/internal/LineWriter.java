package io.powertools.logging.internal;

import io.powertools.core.Invocation;
import java.io.PrintWriter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.layout.template.json.util.JsonWriter;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.util.StringBuilderFormattable;

/**
 * Writes one log event as the Powertools JSON line: the same members, in the same order and with
 * the same escaping and truncation, as JSON Template Layout with {@code powertools-layout.json}
 * (and {@code truncatedStringSuffix} set to {@value #TRUNCATED_SUFFIX}), but without a template to
 * parse at startup or to walk per event. Lambda fields without a value are left out, never
 * written as null.
 *
 * <p>What it adds: member names, the level and the timestamp are never cut (JSON Template Layout
 * cuts them at maxStringLength too, which can give two members the same name). Every line is at most {@value #MAX_LINE_BYTES} bytes as UTF-8 (CloudWatch Logs'
 * largest event). A line that would be larger is written again with shorter strings (16 K, 4 K,
 * 1 K, then 256 characters per string, each cut marked with {@value #TRUNCATED_SUFFIX}; JSON values
 * longer than that become cut strings); if even that is too large (thousands of keys), the user's
 * keys and MDC are left out and the message says so. A lone surrogate is written as a JSON escape
 * rather than the {@code ?} an encoder would write. A message, exception message or stack trace
 * that throws while it is formatted becomes a placeholder naming the type; the line is written.
 *
 * <p>Cost: one pass over the finished line to measure it in bytes and find lone surrogates; the
 * rewrites happen only for lines over the limit.
 *
 * <p>Not thread-safe: the layout keeps one per thread (and a fresh one when a value's
 * {@code toString()} logs while a line is being written).
 */
public final class LineWriter {

    /** CloudWatch Logs' largest event, in UTF-8 bytes as written; the newline ending a line is not part of it. */
    public static final int MAX_LINE_BYTES = 256 * 1024;
    /** What ends a string value that was cut, so whoever reads it sees that it is not whole. */
    public static final String TRUNCATED_SUFFIX = "\u2026[truncated]";

    /** Per-string limits tried in turn for a line over {@link #MAX_LINE_BYTES}. */
    private static final int[] SHORTER_LIMITS = {16_384, 4_096, 1_024, 256};
    /** A huge line (a long stack trace) should not pin its buffer to the thread for good. */
    private static final int MAX_RETAINED_CHARS = 1 << 18;
    /** {@code values()} copies the array on every call. */
    private static final InvocationField[] INVOCATION_FIELDS = InvocationField.values();

    private final int maxStringLength;
    private final String defaultService;
    private final Redactor redactor;
    private final UtcTimestamp timestamp = new UtcTimestamp();
    private final Pass full;
    /** Created when a line first needs them. */
    private final Pass[] shorter = new Pass[SHORTER_LIMITS.length];
    private StringBuilder scratch;
    private boolean busy;

    /**
     * Creates a writer.
     *
     * @param maxStringLength longest string value written in full; longer ones are cut and end in
     *     {@value #TRUNCATED_SUFFIX}
     * @param defaultService the service name of lines written outside an invocation
     */
    public LineWriter(int maxStringLength, String defaultService) {
        this.maxStringLength = maxStringLength;
        this.defaultService = defaultService;
        this.redactor = Redactor.processWide();
        this.full = new Pass(maxStringLength);
    }

    /**
     * Claims this writer for one line.
     *
     * @return false when it is already writing a line on this thread
     */
    public boolean claim() {
        if (busy) {
            return false;
        }
        busy = true;
        return true;
    }

    /** Releases the writer after {@link #claim()}. */
    public void release() {
        busy = false;
    }

    /**
     * Writes the event as one JSON object followed by a line break.
     *
     * @param event the event
     * @return the line, valid until the next call; at most {@value #MAX_LINE_BYTES} bytes as UTF-8
     *     without its line break, and without lone surrogates
     */
    public StringBuilder write(LogEvent event) {
        StringBuilder line = full.write(event, true);
        long measure = LineBytes.measure(line, line.length() - 1);
        if (LineBytes.bytes(measure) > MAX_LINE_BYTES) {
            Pass last = full;
            for (int i = 0; i < SHORTER_LIMITS.length && LineBytes.bytes(measure) > MAX_LINE_BYTES; i++) {
                if (SHORTER_LIMITS[i] < maxStringLength) {
                    last = shorter(i);
                    line = last.write(event, true);
                    measure = LineBytes.measure(line, line.length() - 1);
                }
            }
            if (LineBytes.bytes(measure) > MAX_LINE_BYTES) {
                line = last.write(event, false);
                measure = LineBytes.measure(line, line.length() - 1);
            }
        }
        if (LineBytes.hasLoneSurrogate(measure)) {
            if (scratch == null) {
                scratch = new StringBuilder();
            }
            LineBytes.escapeLoneSurrogates(line, scratch);
            scratch.setLength(0);
            scratch.trimToSize();
        }
        return line;
    }

    private Pass shorter(int index) {
        Pass pass = shorter[index];
        if (pass == null) {
            pass = new Pass(SHORTER_LIMITS[index]);
            shorter[index] = pass;
        }
        return pass;
    }

    /** Writes the line with one per-string limit. */
    private final class Pass {

        private final int limit;
        private final JsonWriter json;
        private final StackTraceText stackTrace;

        Pass(int limit) {
            this.limit = limit;
            this.json = JsonWriter.newBuilder()
                    .setMaxStringLength(limit)
                    .setTruncatedStringSuffix(TRUNCATED_SUFFIX)
                    .build();
            this.stackTrace = new StackTraceText(limit);
        }

        StringBuilder write(LogEvent event, boolean userMembers) {
            StringBuilder line = json.getStringBuilder();
            line.setLength(0);
            if (line.capacity() > MAX_RETAINED_CHARS) {
                line.trimToSize();
            }
            json.writeObjectStart();
            MemberNames.write(json, "level");
            // Level names and timestamps are ASCII without anything to escape: written whole, never cut.
            line.append('"').append(event.getLevel().name()).append('"');
            writeMessage(event.getMessage(), userMembers);
            writeError(event.getThrown());
            json.writeSeparator();
            MemberNames.write(json, "timestamp");
            line.append('"').append(timestamp.format(event.getTimeMillis())).append('"');
            json.writeSeparator();
            MemberNames.write(json, "logger");
            json.writeString(event.getLoggerName());
            Invocation invocation = Invocation.currentOrNull();
            json.writeSeparator();
            MemberNames.write(json, "service");
            json.writeString(ServiceResolver.serviceOf(invocation, defaultService));
            if (invocation != null) {
                for (InvocationField field : INVOCATION_FIELDS) {
                    writeField(field, invocation);
                }
            }
            if (userMembers) {
                boolean separator = KeysResolver.writeKeys(event, json, true, limit);
                ContextDataResolver.write(event, json, separator, redactor);
            }
            json.writeObjectEnd();
            line.append('\n');
            return line;
        }

        private void writeMessage(Message message, boolean userMembers) {
            json.writeSeparator();
            MemberNames.write(json, "message");
            StringBuilder line = json.getStringBuilder();
            int mark = line.length();
            try {
                if (message == null) {
                    json.writeNull();
                } else if (!userMembers) {
                    json.writeString("[keys and MDC left out: the line would exceed " + MAX_LINE_BYTES + " bytes] "
                            + message.getFormattedMessage());
                } else if (message instanceof StringBuilderFormattable) {
                    // Formats straight into the line, without the message's String (what JSON Template Layout does too).
                    json.writeString((StringBuilderFormattable) message);
                } else {
                    json.writeString(message.getFormattedMessage());
                }
            } catch (RuntimeException | LinkageError | StackOverflowError failure) {
                line.setLength(mark);
                json.writeString(failed(message, "message", failure));
            }
        }

        private void writeError(Throwable thrown) {
            if (thrown == null) {
                return;
            }
            json.writeSeparator();
            MemberNames.write(json, "error");
            json.writeObjectStart();
            MemberNames.write(json, "name");
            json.writeString(thrown.getClass().getName());
            json.writeSeparator();
            MemberNames.write(json, "message");
            String message;
            try {
                message = thrown.getMessage();
            } catch (RuntimeException | LinkageError | StackOverflowError failure) {
                message = failed(thrown, "getMessage()", failure);
            }
            // null when the exception has none, as JSON Template Layout writes it.
            json.writeString(message);
            json.writeSeparator();
            MemberNames.write(json, "stack");
            json.writeString(stackTrace.of(thrown));
            json.writeObjectEnd();
        }

        /** Writes the separator and key, then the value; takes both back when there is no value. */
        private void writeField(InvocationField field, Invocation invocation) {
            StringBuilder line = json.getStringBuilder();
            int mark = line.length();
            json.writeSeparator();
            MemberNames.write(json, field.key());
            if (!field.write(invocation, json)) {
                line.setLength(mark);
            }
        }
    }

    /** The placeholder for a value whose formatting threw: the type, what failed and why. */
    static String failed(Object value, String what, Throwable failure) {
        return "[" + (value == null ? "null" : value.getClass().getName()) + " " + what + " failed: "
                + failure.getClass().getName() + "]";
    }

    /** The text of a stack trace as {@link Throwable#printStackTrace()} prints it, at most N characters. */
    private static final class StackTraceText {

        private final BoundedTextWriter text;
        private final PrintWriter printer;

        StackTraceText(int maxLength) {
            // One character more than the limit, so that the JSON writer sees the text is too long and marks the cut.
            this.text = new BoundedTextWriter(maxLength == Integer.MAX_VALUE ? maxLength : maxLength + 1);
            this.printer = new PrintWriter(text);
        }

        CharSequence of(Throwable thrown) {
            text.clear();
            try {
                thrown.printStackTrace(printer);
                printer.flush();
            } catch (RuntimeException | LinkageError | StackOverflowError failure) {
                // A toString()/getMessage() that throws, or a cause chain too deep to print: the frames
                // of the exception itself are still worth having.
                printer.flush();
                text.clear();
                printer.println(failed(thrown, "stack trace printing", failure));
                for (StackTraceElement frame : thrown.getStackTrace()) {
                    printer.println("\tat " + frame);
                }
                printer.flush();
            }
            return text.text();
        }
    }
}

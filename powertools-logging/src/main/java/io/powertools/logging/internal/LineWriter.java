package io.powertools.logging.internal;

import io.powertools.core.Invocation;
import java.io.PrintWriter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.layout.template.json.util.JsonWriter;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.util.ReadOnlyStringMap;
import org.apache.logging.log4j.util.StringBuilderFormattable;
import org.apache.logging.log4j.util.TriConsumer;

/**
 * Writes one log event as the Powertools JSON line: the same members, in the same order and with
 * the same escaping and truncation, as JSON Template Layout with {@code powertools-layout.json},
 * but without a template to parse at startup or to walk per event. Lambda fields without a value
 * are left out, never written as null.
 *
 * <p>Not thread-safe: the layout keeps one per thread (and a fresh one when a value's
 * {@code toString()} logs while a line is being written).
 */
public final class LineWriter {

    /** What JSON Template Layout appends to a string it cut at maxStringLength. */
    private static final String TRUNCATED_SUFFIX = "\u2026";

    /** A huge line (a long stack trace) should not pin its buffer to the thread for good. */
    private static final int MAX_RETAINED_CHARS = 1 << 18;
    /** {@code values()} copies the array on every call. */
    private static final InvocationField[] INVOCATION_FIELDS = InvocationField.values();
    /** Writes one context-data entry; static so that writing MDC allocates no lambda per line. */
    private static final TriConsumer<String, Object, JsonWriter> WRITE_ENTRY = (key, value, json) -> {
        json.writeSeparator();
        json.writeObjectKey(key);
        json.writeString(String.valueOf(value));
    };

    private final JsonWriter json;
    private final String defaultService;
    private final UtcTimestamp timestamp = new UtcTimestamp();
    private final StackTraceText stackTrace;
    private boolean busy;

    /**
     * Creates a writer.
     *
     * @param maxStringLength longest string value written in full; longer ones are cut and end in "…"
     * @param defaultService the service name of lines written outside an invocation
     */
    public LineWriter(int maxStringLength, String defaultService) {
        this.json = JsonWriter.newBuilder()
                .setMaxStringLength(maxStringLength)
                .setTruncatedStringSuffix(TRUNCATED_SUFFIX)
                .build();
        this.defaultService = defaultService;
        this.stackTrace = new StackTraceText(maxStringLength);
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
     * @return the line, valid until the next call
     */
    public StringBuilder write(LogEvent event) {
        StringBuilder line = json.getStringBuilder();
        line.setLength(0);
        if (line.capacity() > MAX_RETAINED_CHARS) {
            line.trimToSize();
        }
        json.writeObjectStart();
        json.writeObjectKey("level");
        json.writeString(event.getLevel().name());
        writeMessage(event.getMessage());
        writeError(event.getThrown());
        json.writeSeparator();
        json.writeObjectKey("timestamp");
        json.writeString(timestamp.format(event.getTimeMillis()));
        json.writeSeparator();
        json.writeObjectKey("logger");
        json.writeString(event.getLoggerName());
        Invocation invocation = Invocation.currentOrNull();
        json.writeSeparator();
        json.writeObjectKey("service");
        json.writeString(ServiceResolver.serviceOf(invocation, defaultService));
        if (invocation != null) {
            for (InvocationField field : INVOCATION_FIELDS) {
                writeField(field, invocation);
            }
        }
        KeysResolver.writeKeys(event, json, true);
        writeContextData(event.getContextData());
        json.writeObjectEnd();
        line.append('\n');
        return line;
    }

    private void writeMessage(Message message) {
        json.writeSeparator();
        json.writeObjectKey("message");
        if (message == null) {
            json.writeNull();
        } else if (message instanceof StringBuilderFormattable) {
            // Formats straight into the line, without the message's String (what JSON Template Layout does too).
            json.writeString((StringBuilderFormattable) message);
        } else {
            json.writeString(message.getFormattedMessage());
        }
    }

    private void writeError(Throwable thrown) {
        if (thrown == null) {
            return;
        }
        json.writeSeparator();
        json.writeObjectKey("error");
        json.writeObjectStart();
        json.writeObjectKey("name");
        json.writeString(thrown.getClass().getName());
        json.writeSeparator();
        json.writeObjectKey("message");
        // null when the exception has none, as JSON Template Layout writes it.
        json.writeString(thrown.getMessage());
        json.writeSeparator();
        json.writeObjectKey("stack");
        json.writeString(stackTrace.of(thrown));
        json.writeObjectEnd();
    }

    /** Writes the separator and key, then the value; takes both back when there is no value. */
    private void writeField(InvocationField field, Invocation invocation) {
        StringBuilder line = json.getStringBuilder();
        int mark = line.length();
        json.writeSeparator();
        json.writeObjectKey(field.key());
        if (!field.write(invocation, json)) {
            line.setLength(mark);
        }
    }

    private void writeContextData(ReadOnlyStringMap contextData) {
        if (contextData == null || contextData.isEmpty()) {
            return;
        }
        contextData.forEach(WRITE_ENTRY, json);
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
            thrown.printStackTrace(printer);
            printer.flush();
            return text.text();
        }
    }
}

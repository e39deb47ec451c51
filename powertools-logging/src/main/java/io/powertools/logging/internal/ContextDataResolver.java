package io.powertools.logging.internal;

import java.util.Map;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.layout.template.json.util.JsonWriter;
import org.apache.logging.log4j.util.IndexedReadOnlyStringMap;
import org.apache.logging.log4j.util.ReadOnlyStringMap;

/**
 * Writes the event's context data (Log4j2 ThreadContext / SLF4J MDC, and SLF4J fluent key-values,
 * which log4j-slf4j2-impl passes the same way) at the root of the line, as strings, so that no name
 * appears twice: an entry whose name is reserved by the layout ({@code level},
 * {@code function_request_id}...) is left out with a once-per-name warning, and one whose name the
 * user's keys or structured arguments already wrote is left out (those win). Values of sensitive
 * keys are masked, and JSON text in a value has its sensitive members masked.
 */
public final class ContextDataResolver extends FlatteningResolver {

    @Override
    public void resolve(LogEvent event, JsonWriter writer, boolean succeedingEntry) {
        write(event, writer, succeedingEntry, Redactor.processWide());
    }

    /**
     * Writes the context data as members of the line's object.
     *
     * @param event the event
     * @param writer the line being written
     * @param succeedingEntry whether members were written before
     * @param redactor what to mask
     * @return whether a member has been written (by the caller before, or here)
     */
    public static boolean write(LogEvent event, JsonWriter writer, boolean succeedingEntry, Redactor redactor) {
        ReadOnlyStringMap data = event.getContextData();
        if (data == null || data.isEmpty()) {
            return succeedingEntry;
        }
        boolean separator = succeedingEntry;
        // Read once per line, not per entry.
        KeyValues temporary = KeysResolver.temporaryKeys();
        Object[] parameters = KeysResolver.structuredParameters(event.getMessage());
        if (data instanceof IndexedReadOnlyStringMap) {
            // Log4j's own maps: read by index, without allocating per line.
            IndexedReadOnlyStringMap indexed = (IndexedReadOnlyStringMap) data;
            for (int i = 0; i < indexed.size(); i++) {
                separator = writeEntry(writer, separator, indexed.getKeyAt(i), indexed.getValueAt(i), redactor,
                        temporary, parameters);
            }
        } else {
            for (Map.Entry<String, String> entry : data.toMap().entrySet()) {
                separator = writeEntry(writer, separator, entry.getKey(), entry.getValue(), redactor, temporary,
                        parameters);
            }
        }
        return separator;
    }

    private static boolean writeEntry(JsonWriter writer, boolean separator, String key, Object value,
            Redactor redactor, KeyValues temporary, Object[] parameters) {
        if (key == null) {
            return separator;
        }
        if (ReservedKeys.isReserved(key)) {
            ReservedKeys.warnLeftOut(key);
            return separator;
        }
        if (KeysResolver.isUserKey(temporary, parameters, key)) {
            return separator;
        }
        if (separator) {
            writer.writeSeparator();
        }
        MemberNames.write(writer, key);
        if (redactor.isSensitive(key)) {
            writer.writeString(Redactor.MASK);
        } else {
            String text = String.valueOf(value);
            writer.writeString(redactor.isEmpty() ? text : redactor.redactJsonText(text));
        }
        return true;
    }
}

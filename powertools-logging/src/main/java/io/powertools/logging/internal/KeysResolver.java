package io.powertools.logging.internal;

import io.powertools.core.Invocation;
import io.powertools.logging.StructuredArgument;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.layout.template.json.resolver.EventResolver;
import org.apache.logging.log4j.layout.template.json.util.JsonWriter;
import org.apache.logging.log4j.message.Message;

/**
 * Writes the user's keys at the root of the line: persistent keys, then the invocation's
 * temporary keys, then the structured arguments of the message. A more specific key hides a
 * less specific one of the same name, so no line has duplicate members.
 */
public final class KeysResolver implements EventResolver {

    @Override
    public boolean isFlattening() {
        return true;
    }

    @Override
    public void resolve(LogEvent event, JsonWriter writer) {
        resolve(event, writer, false);
    }

    @Override
    public void resolve(LogEvent event, JsonWriter writer, boolean succeedingEntry) {
        writeKeys(event, writer, succeedingEntry);
    }

    /**
     * Writes the keys as members of the line's object.
     *
     * @param event the event, whose message may carry structured arguments
     * @param writer the line being written
     * @param succeedingEntry whether members were written before, so the first key needs a separator
     */
    public static void writeKeys(LogEvent event, JsonWriter writer, boolean succeedingEntry) {
        KeyValues persistent = PersistentKeys.get();
        Invocation invocation = Invocation.currentOrNull();
        KeyValues temporary = invocation == null ? KeyValues.EMPTY : LogState.of(invocation).keys();
        Object[] parameters = structuredParameters(event.getMessage());
        boolean separator = succeedingEntry;
        for (int i = 0; i < persistent.size(); i++) {
            String key = persistent.key(i);
            if (!temporary.contains(key) && !inArguments(parameters, key)) {
                separator = write(writer, separator, key, persistent.value(i));
            }
        }
        for (int i = 0; i < temporary.size(); i++) {
            String key = temporary.key(i);
            if (!inArguments(parameters, key)) {
                separator = write(writer, separator, key, temporary.value(i));
            }
        }
        if (parameters != null) {
            for (Object parameter : parameters) {
                if (parameter instanceof StructuredArgument) {
                    StructuredArgument argument = (StructuredArgument) parameter;
                    for (int i = 0; i < argument.size(); i++) {
                        separator = write(writer, separator, argument.key(i), argument.value(i));
                    }
                }
            }
        }
    }

    private static boolean write(JsonWriter writer, boolean separator, String key, Object value) {
        if (separator) {
            writer.writeSeparator();
        }
        writer.writeObjectKey(key);
        LogValues.write(writer, value);
        return true;
    }

    /** The message's parameters when at least one is a structured argument, else null. */
    private static Object[] structuredParameters(Message message) {
        if (message == null) {
            return null;
        }
        Object[] parameters = message.getParameters();
        if (parameters == null) {
            return null;
        }
        for (Object parameter : parameters) {
            if (parameter instanceof StructuredArgument) {
                return parameters;
            }
        }
        return null;
    }

    private static boolean inArguments(Object[] parameters, String key) {
        if (parameters == null) {
            return false;
        }
        for (Object parameter : parameters) {
            if (parameter instanceof StructuredArgument && ((StructuredArgument) parameter).contains(key)) {
                return true;
            }
        }
        return false;
    }
}

package io.powertools.logging.internal;

import io.powertools.core.Invocation;
import io.powertools.logging.StructuredArgument;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.layout.template.json.util.JsonWriter;
import org.apache.logging.log4j.message.Message;

/**
 * Writes the user's keys at the root of the line: persistent keys, then the invocation's
 * temporary keys, then the structured arguments of the message. Each name appears once: a
 * structured argument hides a temporary key of the same name, which hides a persistent one; among
 * the arguments of one call, the first that carries a name wins. Reserved names never get here
 * (they are refused when a key or argument is created), and {@link ContextDataResolver} skips MDC
 * entries whose name this writes.
 */
public final class KeysResolver extends FlatteningResolver {

    @Override
    public void resolve(LogEvent event, JsonWriter writer, boolean succeedingEntry) {
        writeKeys(event, writer, succeedingEntry, Integer.MAX_VALUE);
    }

    /**
     * Writes the keys as members of the line's object.
     *
     * @param event the event, whose message may carry structured arguments
     * @param writer the line being written
     * @param succeedingEntry whether members were written before, so the first key needs a separator
     * @param rawJsonLimit longest JSON value (in characters) written as JSON; a longer one is written
     *     as a string the writer cuts at its maxStringLength
     * @return whether a member has been written (by the caller before, or here)
     */
    public static boolean writeKeys(LogEvent event, JsonWriter writer, boolean succeedingEntry, int rawJsonLimit) {
        KeyValues persistent = PersistentKeys.get();
        KeyValues temporary = temporaryKeys();
        Object[] parameters = structuredParameters(event.getMessage());
        boolean separator = succeedingEntry;
        for (int i = 0; i < persistent.size(); i++) {
            String key = persistent.key(i);
            if (!temporary.contains(key) && !inArguments(parameters, parameters == null ? 0 : parameters.length, key)) {
                separator = write(writer, separator, key, persistent.value(i), rawJsonLimit);
            }
        }
        for (int i = 0; i < temporary.size(); i++) {
            String key = temporary.key(i);
            if (!inArguments(parameters, parameters == null ? 0 : parameters.length, key)) {
                separator = write(writer, separator, key, temporary.value(i), rawJsonLimit);
            }
        }
        if (parameters != null) {
            for (int p = 0; p < parameters.length; p++) {
                if (parameters[p] instanceof StructuredArgument) {
                    StructuredArgument argument = (StructuredArgument) parameters[p];
                    for (int i = 0; i < argument.size(); i++) {
                        if (!inArguments(parameters, p, argument.key(i))) {
                            separator = write(writer, separator, argument.key(i), argument.value(i), rawJsonLimit);
                        }
                    }
                }
            }
        }
        return separator;
    }

    /**
     * Whether a name is written by {@link #writeKeys}: a persistent or temporary key, or a key of a
     * structured argument of the event.
     *
     * @param temporary the invocation's temporary keys
     * @param parameters the event's parameters from {@link #structuredParameters(Message)}
     * @param key the name
     * @return true when the user's keys already hold it
     */
    static boolean isUserKey(KeyValues temporary, Object[] parameters, String key) {
        return PersistentKeys.get().contains(key) || temporary.contains(key)
                || inArguments(parameters, parameters == null ? 0 : parameters.length, key);
    }

    /** The temporary keys of the invocation on the calling thread, or none. */
    static KeyValues temporaryKeys() {
        Invocation invocation = Invocation.currentOrNull();
        return invocation == null ? KeyValues.EMPTY : LogState.of(invocation).keys();
    }

    private static boolean write(JsonWriter writer, boolean separator, String key, Object value, int rawJsonLimit) {
        if (separator) {
            writer.writeSeparator();
        }
        MemberNames.write(writer, key);
        LogValues.write(writer, value, rawJsonLimit);
        return true;
    }

    /** The message's parameters when at least one is a structured argument, else null. */
    static Object[] structuredParameters(Message message) {
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

    /** Whether one of the first {@code end} parameters is a structured argument holding the key. */
    private static boolean inArguments(Object[] parameters, int end, String key) {
        if (parameters == null) {
            return false;
        }
        for (int i = 0; i < end; i++) {
            Object parameter = parameters[i];
            if (parameter instanceof StructuredArgument && ((StructuredArgument) parameter).contains(key)) {
                return true;
            }
        }
        return false;
    }
}

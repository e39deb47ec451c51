package io.powertools.logging.internal;

import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.layout.template.json.resolver.EventResolver;
import org.apache.logging.log4j.layout.template.json.util.JsonWriter;

/**
 * A resolver whose members go straight into the line's object (JSON Template Layout calls it with
 * whether members were written before it, so it knows whether its first member needs a separator).
 */
abstract class FlatteningResolver implements EventResolver {

    @Override
    public final boolean isFlattening() {
        return true;
    }

    @Override
    public final void resolve(LogEvent event, JsonWriter writer) {
        resolve(event, writer, false);
    }

    @Override
    public abstract void resolve(LogEvent event, JsonWriter writer, boolean succeedingEntry);
}

package io.powertools.logging.internal;

import io.powertools.core.Invocation;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.layout.template.json.resolver.EventResolver;
import org.apache.logging.log4j.layout.template.json.util.JsonWriter;

/**
 * Resolves one {@link InvocationField} from the invocation bound to the logging thread. Appenders
 * must be synchronous (the default): the layout then runs on the thread that logged.
 */
public final class InvocationFieldResolver implements EventResolver {

    private final InvocationField field;

    /**
     * Creates the resolver.
     *
     * @param field the field
     */
    public InvocationFieldResolver(InvocationField field) {
        this.field = field;
    }

    @Override
    public boolean isResolvable(LogEvent event) {
        Invocation invocation = Invocation.currentOrNull();
        return invocation != null && field.isPresent(invocation);
    }

    @Override
    public void resolve(LogEvent event, JsonWriter writer) {
        Invocation invocation = Invocation.currentOrNull();
        if (invocation == null) {
            // Only reachable if isResolvable was skipped: keep the line valid JSON.
            writer.writeNull();
            return;
        }
        field.writeValue(invocation, writer);
    }
}

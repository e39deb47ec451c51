package io.powertools.logging.internal;

import io.powertools.core.Invocation;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.layout.template.json.resolver.EventResolver;
import org.apache.logging.log4j.layout.template.json.util.JsonWriter;

/**
 * Resolves {@code service}: the invocation's execution environment's service name, or the
 * process's {@code POWERTOOLS_SERVICE_NAME} for lines written during init.
 */
public final class ServiceResolver implements EventResolver {

    private final String defaultService;

    /**
     * Creates the resolver.
     *
     * @param defaultService the service name for lines outside an invocation
     */
    public ServiceResolver(String defaultService) {
        this.defaultService = defaultService;
    }

    @Override
    public void resolve(LogEvent event, JsonWriter writer) {
        Invocation invocation = Invocation.currentOrNull();
        writer.writeString(invocation == null ? defaultService : invocation.executionEnvironment().serviceName());
    }
}

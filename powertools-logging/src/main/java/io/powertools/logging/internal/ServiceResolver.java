package io.powertools.logging.internal;

import io.powertools.core.Invocation;
import io.powertools.core.config.Environment;
import io.powertools.core.config.Variables;
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

    /**
     * The service of lines written outside an invocation: the process's {@code POWERTOOLS_SERVICE_NAME}.
     *
     * @return the service name, or the default one when the variable is unset
     */
    public static String processService() {
        return Environment.system().get(Variables.POWERTOOLS_SERVICE_NAME, Variables.DEFAULT_SERVICE_NAME);
    }

    /**
     * The service of a line: the invocation's execution environment's, else the process's.
     *
     * @param invocation the invocation on the logging thread, or null
     * @param processService the result of {@link #processService()}, read once by the caller
     * @return the service name
     */
    public static String serviceOf(Invocation invocation, String processService) {
        return invocation == null ? processService : invocation.executionEnvironment().serviceName();
    }

    @Override
    public void resolve(LogEvent event, JsonWriter writer) {
        writer.writeString(serviceOf(Invocation.currentOrNull(), defaultService));
    }
}

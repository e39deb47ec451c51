package io.powertools.logging.log4j;

import io.powertools.logging.internal.ContextDataResolver;
import io.powertools.logging.internal.InvocationField;
import io.powertools.logging.internal.InvocationFieldResolver;
import io.powertools.logging.internal.KeysResolver;
import io.powertools.logging.internal.ServiceResolver;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;
import org.apache.logging.log4j.layout.template.json.resolver.EventResolver;
import org.apache.logging.log4j.layout.template.json.resolver.EventResolverContext;
import org.apache.logging.log4j.layout.template.json.resolver.EventResolverFactory;
import org.apache.logging.log4j.layout.template.json.resolver.TemplateResolverConfig;
import org.apache.logging.log4j.layout.template.json.resolver.TemplateResolverFactory;

/**
 * The {@code powertools} resolver of JSON Template Layout:
 * {@code {"$resolver": "powertools", "field": "function_request_id"}}. Fields: {@code service},
 * {@code cold_start}, {@code function_name}, {@code function_version}, {@code function_arn},
 * {@code function_memory_size}, {@code function_request_id}, {@code xray_trace_id},
 * {@code tenant_id}, {@code correlation_id}, {@code sampling_rate}, {@code keys} (the user's
 * persistent, temporary and structured-argument keys, flattened into the line) and {@code mdc}
 * (the MDC / ThreadContext and SLF4J fluent key-values, flattened, without the names the layout or
 * the keys already wrote, sensitive values masked). Use {@code mdc} rather than Log4j's own
 * {@code mdc} resolver, which would write a reserved name or a key a second time.
 *
 * <p>Values come from the invocation bound to the thread that logs, so appenders must be
 * synchronous (no AsyncLogger or AsyncAppender).
 */
@Plugin(name = "PowertoolsResolverFactory", category = TemplateResolverFactory.CATEGORY)
public final class PowertoolsResolverFactory implements EventResolverFactory {

    private static final PowertoolsResolverFactory INSTANCE = new PowertoolsResolverFactory();

    private PowertoolsResolverFactory() {
    }

    /**
     * The plugin instance.
     *
     * @return the factory
     */
    @PluginFactory
    public static PowertoolsResolverFactory getInstance() {
        return INSTANCE;
    }

    @Override
    public String getName() {
        return "powertools";
    }

    @Override
    public EventResolver create(EventResolverContext context, TemplateResolverConfig config) {
        String field = config.getString("field");
        if ("service".equals(field)) {
            return new ServiceResolver(ServiceResolver.processService());
        }
        if ("keys".equals(field)) {
            return new KeysResolver();
        }
        if ("mdc".equals(field)) {
            return new ContextDataResolver();
        }
        InvocationField invocationField = field == null ? null : InvocationField.byKey(field);
        if (invocationField == null) {
            throw new IllegalArgumentException("Unknown powertools resolver field '" + field + "': use service, keys, mdc, "
                    + "cold_start, function_name, function_version, function_arn, function_memory_size, "
                    + "function_request_id, xray_trace_id, tenant_id, correlation_id or sampling_rate");
        }
        return new InvocationFieldResolver(invocationField);
    }
}

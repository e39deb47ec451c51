package io.powertools.benchmarks.support;

import java.io.OutputStream;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.OutputStreamAppender;
import org.apache.logging.log4j.core.config.AbstractConfiguration;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.layout.template.json.JsonTemplateLayout;
import java.io.Serializable;
import java.util.function.Function;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.config.Configuration;

/**
 * Points the current Log4j2 context at one synchronous appender that formats every event with a
 * JSON Template Layout (or a layout the caller gives) and writes it to a discarding stream: the whole formatting pipeline runs, but
 * no I/O dominates the measurement. Used by both worlds (this class is loaded again by the isolated
 * Powertools loader, so it configures whichever Log4j2 it was linked against).
 */
public final class NullOutputLog4j {

    private NullOutputLog4j() {
    }

    /**
     * Replaces the configuration of the caller's Log4j2 context.
     *
     * @param eventTemplateUri the template, e.g. {@code classpath:powertools-layout.json}
     */
    public static void install(String eventTemplateUri) {
        install(configuration -> JsonTemplateLayout.newBuilder()
                .setConfiguration(configuration)
                .setEventTemplateUri(eventTemplateUri)
                .build());
    }

    /**
     * Replaces the configuration of the caller's Log4j2 context, with a layout of the caller's choice.
     *
     * @param layout creates the layout for the new configuration
     */
    public static void install(Function<Configuration, Layout<? extends Serializable>> layout) {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.setConfiguration(new NullConfiguration(context, layout));
    }

    /** The configuration: root logger at INFO, one appender. */
    private static final class NullConfiguration extends AbstractConfiguration {

        private final Function<Configuration, Layout<? extends Serializable>> layout;

        NullConfiguration(LoggerContext context, Function<Configuration, Layout<? extends Serializable>> layout) {
            super(context, ConfigurationSource.NULL_SOURCE);
            this.layout = layout;
            setName("benchmark-null-output");
        }

        @Override
        protected void doConfigure() {
            // Immediate flush, as a Console appender on Lambda does; flushing a null stream is free.
            Appender appender = OutputStreamAppender.newBuilder()
                    .setName("null-output")
                    .setTarget(OutputStream.nullOutputStream())
                    .setLayout(layout.apply(this))
                    .build();
            appender.start();
            addAppender(appender);
            LoggerConfig root = getRootLogger();
            root.getAppenders().keySet().forEach(root::removeAppender);
            root.addAppender(appender, null, null);
            root.setLevel(Level.INFO);
        }
    }
}

package io.powertools.logging.log4j;

import java.net.URI;
import java.util.List;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationFactory;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.Order;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.util.Loader;
import org.apache.logging.log4j.util.LoaderUtil;

/**
 * Gives a function without any Log4j2 configuration file the Powertools setup
 * ({@link PowertoolsDefaultConfiguration}) instead of Log4j2's own default, which logs only
 * errors, as plain text.
 *
 * <p>It steps aside whenever the application configures Log4j2 itself: when
 * {@code log4j2.configurationFile} is set, or when any of the files Log4j2 looks for on the class
 * path exists ({@code log4j2-test} or {@code log4j2}, optionally followed by the context's name,
 * with the extension {@code .properties}, {@code .yaml}, {@code .yml}, {@code .json}, {@code .jsn}
 * or {@code .xml}). It never reads a file itself.
 */
@Plugin(name = "PowertoolsConfigurationFactory", category = ConfigurationFactory.CATEGORY)
@Order(0)
public final class PowertoolsConfigurationFactory extends ConfigurationFactory {

    /** The extensions of the configuration files Log4j2's own factories look for. */
    static final List<String> CONFIGURATION_EXTENSIONS = List.of(".properties", ".yaml", ".yml", ".json", ".jsn", ".xml");
    private static final List<String> PREFIXES = List.of("log4j2-test", "log4j2");
    /** Log4j2's "any file type" marker: a factory of this type is asked before Log4j2 searches for files. */
    private static final String[] ALL = {"*"};

    /** Creates the factory (Log4j2 plugin discovery). */
    public PowertoolsConfigurationFactory() {
    }

    @Override
    protected String[] getSupportedTypes() {
        return ALL.clone();
    }

    /** Never parses a configuration file: those belong to Log4j2's own factories. */
    @Override
    public Configuration getConfiguration(LoggerContext context, ConfigurationSource source) {
        return null;
    }

    @Override
    public Configuration getConfiguration(LoggerContext context, String name, URI configLocation) {
        if (configLocation != null || hasConfigurationFile(context == null ? null : context.getName())) {
            return null;
        }
        return new PowertoolsDefaultConfiguration(context);
    }

    /**
     * Whether the class path holds a file Log4j2 would configure itself from.
     *
     * @param contextName the logger context's name, or null
     * @return true when such a file exists
     */
    static boolean hasConfigurationFile(String contextName) {
        ClassLoader loader = LoaderUtil.getThreadContextClassLoader();
        for (String prefix : PREFIXES) {
            for (String extension : CONFIGURATION_EXTENSIONS) {
                if (contextName != null && Loader.getResource(prefix + contextName + extension, loader) != null) {
                    return true;
                }
                if (Loader.getResource(prefix + extension, loader) != null) {
                    return true;
                }
            }
        }
        return false;
    }
}

package io.powertools.benchmarks.support;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A class loader holding Powertools for AWS Lambda (Java) 2.9.0, its own Log4j2, Jackson and the
 * benchmark's baseline drivers, with only the JDK as parent. Powertools registers a Log4j2 resolver
 * plugin under the same name as ours; in its own loader each library gets its own Log4j2 (own
 * plugin registry, own ThreadContext), so both run in one JMH fork without seeing each other.
 *
 * <p>Drivers are created by name and used through JDK interfaces ({@link Runnable}), the only
 * types both worlds share.
 */
public final class IsolatedWorld implements AutoCloseable {

    private final URLClassLoader loader;

    private IsolatedWorld(URLClassLoader loader) {
        this.loader = loader;
    }

    /**
     * A world with Powertools 2.9.0 logging-log4j and metrics.
     *
     * @return the world; close it when done
     */
    public static IsolatedWorld powertools() {
        Dependencies deps = Dependencies.get();
        List<Path> entries = new ArrayList<>();
        entries.add(Dependencies.benchmarkClasses());
        entries.addAll(deps.files(Dependencies.POWERTOOLS, Dependencies.LOG4J, Dependencies.JACKSON));
        List<URL> urls = new ArrayList<>();
        for (Path entry : entries) {
            try {
                urls.add(entry.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
        return new IsolatedWorld(new URLClassLoader("powertools-2.9.0", urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader()));
    }

    /**
     * The loader; set it as the thread's context class loader while the world's code runs, since
     * Log4j2 finds its plugins through the context class loader.
     *
     * @return the class loader
     */
    public ClassLoader loader() {
        return loader;
    }

    /**
     * Creates an instance of a class of this world with its public no-argument constructor, with
     * the world's loader as context class loader during construction.
     *
     * @param className the class name
     * @param type a JDK interface the class implements
     * @param <T> the interface type
     * @return the instance
     */
    public <T> T create(String className, Class<T> type) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return type.cast(loader.loadClass(className).getConstructor().newInstance());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create " + className + " in the isolated Powertools world", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public void close() throws Exception {
        loader.close();
    }
}

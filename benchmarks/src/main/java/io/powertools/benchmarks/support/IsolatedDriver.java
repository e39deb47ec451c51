package io.powertools.benchmarks.support;

/**
 * A Powertools baseline driver running in its own {@link IsolatedWorld}, with that world's loader
 * as the benchmark thread's context class loader for the whole trial (Log4j2 resolves plugins and
 * contexts through it; switching per call would add cost to the baseline only).
 */
public final class IsolatedDriver implements AutoCloseable {

    private final IsolatedWorld world;
    private final Runnable driver;
    private final ClassLoader previous;

    /**
     * Creates the world and the driver; call from the benchmark thread (a Scope.Thread setup).
     *
     * @param driverClass the driver class name, a Runnable in io.powertools.benchmarks.baseline
     */
    public IsolatedDriver(String driverClass) {
        world = IsolatedWorld.powertools();
        driver = world.create(driverClass, Runnable.class);
        previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(world.loader());
    }

    /**
     * The driver.
     *
     * @return one call of the baseline operation
     */
    public Runnable driver() {
        return driver;
    }

    @Override
    public void close() throws Exception {
        Thread.currentThread().setContextClassLoader(previous);
        world.close();
    }
}

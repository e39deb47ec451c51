package io.powertools.snapstart.testcrac;

/**
 * Test CRaC implementation: a resource that holds other resources.
 *
 * @param <R> the resource type
 */
public abstract class Context<R extends Resource> implements Resource {

    /** For subclasses. */
    protected Context() {
    }

    /**
     * Registers a resource.
     *
     * @param resource the resource
     */
    public abstract void register(R resource);
}

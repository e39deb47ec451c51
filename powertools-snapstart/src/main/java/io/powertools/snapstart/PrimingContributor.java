package io.powertools.snapstart;

import java.util.List;

/**
 * How a library primes itself before the SnapStart snapshot, found with {@link java.util.ServiceLoader}
 * (list the implementation in {@code META-INF/services/io.powertools.snapstart.PrimingContributor}).
 *
 * <p>Before the checkpoint, {@link SnapStart} loads every available contributor's class lists, then
 * calls every available contributor's {@link #prime()}, in order of {@link #name()}. A contributor
 * must not have side effects outside the JVM (no network calls, no output): it only warms code.
 */
public interface PrimingContributor {

    /**
     * A stable name, e.g. the Maven artifact id; it orders contributors and names their hook.
     *
     * @return the name
     */
    String name();

    /**
     * Whether the library this contributor primes is in use (for example, its classes are on the
     * class path). Unavailable contributors are skipped.
     *
     * @return true when the contributor should run; true by default
     */
    default boolean isAvailable() {
        return true;
    }

    /**
     * Class-path resources holding {@link ClassList}s to prime, by convention
     * {@code META-INF/powertools/priming/<artifact-id>.classes}.
     *
     * @return the resource paths; none by default
     */
    default List<String> classLists() {
        return List.of();
    }

    /**
     * Exercises the library's hot code (serializers, parsers, digests) without side effects.
     *
     * @throws Exception to fail the checkpoint; the failure names this contributor
     */
    default void prime() throws Exception {
    }
}

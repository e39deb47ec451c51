package io.powertools.core.priming;

import java.util.List;

/**
 * How a library primes itself before a SnapStart snapshot, found with
 * {@link java.util.ServiceLoader}: list the implementation in
 * {@code META-INF/services/io.powertools.core.priming.PrimingContributor} of the library's jar.
 *
 * <p>The interface lives in core so every module ships its own priming without depending on
 * powertools-snapstart; powertools-snapstart discovers the contributors, loads their class lists,
 * then calls {@link #prime()}, in order of {@link #name()}. A contributor must have no side effects
 * outside the JVM (no network calls, no output): it only warms code.
 */
public interface PrimingContributor {

    /** Where modules keep their class lists, one fully qualified class name per line. */
    String CLASS_LIST_DIRECTORY = "META-INF/powertools/priming/";

    /**
     * A stable name, by convention the Maven artifact id; it orders contributors and names their hook.
     *
     * @return the name
     */
    String name();

    /**
     * Whether the library this contributor primes is in use. Unavailable contributors are skipped.
     *
     * @return true when the contributor should run; true by default
     */
    default boolean isAvailable() {
        return true;
    }

    /**
     * Class-path resources holding class lists to load before the snapshot, by convention
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

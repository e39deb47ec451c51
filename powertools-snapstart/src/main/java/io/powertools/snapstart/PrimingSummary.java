package io.powertools.snapstart;

import java.util.List;

/**
 * What one {@link SnapStart#runBeforeCheckpoint()} did, also logged at INFO.
 *
 * @param classesLoaded classes of the class lists that are now loaded and initialised
 * @param classesNotLoaded classes that could not be loaded or initialised (stale list entries,
 *     classes whose static initialiser needs the real environment); they load on first use as usual
 * @param primingInvocations handler calls made by invoke priming
 * @param hazards uniqueness hazards found at init (see {@link SnapStart#findHazards()})
 */
public record PrimingSummary(int classesLoaded, List<String> classesNotLoaded, int primingInvocations,
        List<String> hazards) {

    /**
     * Copies the lists.
     *
     * @param classesLoaded classes loaded
     * @param classesNotLoaded classes not loaded
     * @param primingInvocations handler calls made
     * @param hazards hazards found
     */
    public PrimingSummary {
        classesNotLoaded = List.copyOf(classesNotLoaded);
        hazards = List.copyOf(hazards);
    }
}

package io.powertools.reliability.support;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * A parser factory without Jackson's defensive size limits (50,000-character names, 1,000 levels):
 * those are limits of a reader, not of JSON, and a valid line must not fail the check because of them.
 */
final class Lenient {

    /** A new factory each time: mappers configure the factory they are built on. */
    static JsonFactory factory() {
        return JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNameLength(Integer.MAX_VALUE)
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNestingDepth(Integer.MAX_VALUE)
                    .maxNumberLength(Integer.MAX_VALUE)
                    .build())
            .build();
    }

    private Lenient() {
    }
}

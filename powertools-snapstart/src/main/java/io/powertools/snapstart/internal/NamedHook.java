package io.powertools.snapstart.internal;

import io.powertools.snapstart.SnapStartHook;
import java.util.Objects;

/**
 * A hook and the name it is reported under.
 *
 * @param name the name
 * @param hook the work
 */
public record NamedHook(String name, SnapStartHook hook) {

    /**
     * Validates the parts.
     *
     * @param name the name; not blank
     * @param hook the work
     */
    public NamedHook {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A SnapStart hook needs a name: it names the hook when it fails");
        }
        Objects.requireNonNull(hook, "hook");
    }
}

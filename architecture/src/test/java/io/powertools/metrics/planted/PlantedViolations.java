package io.powertools.metrics.planted;

import io.powertools.logging.LogKeys;
import io.powertools.logging.internal.Switches;
import io.powertools.testing.FakeContext;

/**
 * One violation of each rule, planted in a utility's package (metrics) so that
 * {@code PlantedViolationsTest} can show every rule fails on it. Test code: the architecture test
 * itself does not read it.
 */
public final class PlantedViolations {

    /** Per-request state a new thread would inherit. */
    static final InheritableThreadLocal<String> REQUEST_ID = new InheritableThreadLocal<>();

    /** Shared mutable state with no reason given. */
    static int invocations;

    private PlantedViolations() {
    }

    /** Metrics reaching into logging (another utility), its internals, and the test kit. */
    static Object crossModule() {
        LogKeys.appendKey("planted", true);
        return Switches.class.getName() + FakeContext.create();
    }
}

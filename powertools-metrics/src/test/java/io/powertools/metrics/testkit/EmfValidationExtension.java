package io.powertools.metrics.testkit;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered for every test of the module (service loader + autodetection): after each test,
 * fails it when any {@link CapturingSink} received a line that is not valid EMF.
 */
public final class EmfValidationExtension implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        CapturingSink.checkAndForgetAll();
    }
}

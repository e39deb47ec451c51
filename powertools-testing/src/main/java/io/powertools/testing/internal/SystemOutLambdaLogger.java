package io.powertools.testing.internal;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;

/**
 * A {@link LambdaLogger} that writes each message as one line to {@link System#out}, like the
 * runtime's logger does outside of Lambda. Looks up {@code System.out} on every call so that
 * tests which redirect it still capture the output.
 */
public final class SystemOutLambdaLogger implements LambdaLogger {

    /** The shared instance; the logger is stateless. */
    public static final SystemOutLambdaLogger INSTANCE = new SystemOutLambdaLogger();

    private SystemOutLambdaLogger() {
    }

    @Override
    public void log(String message) {
        System.out.println(message);
    }

    @Override
    public void log(byte[] message) {
        System.out.println(new String(message, StandardCharsets.UTF_8));
    }
}

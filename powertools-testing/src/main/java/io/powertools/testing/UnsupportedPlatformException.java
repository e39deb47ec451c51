package io.powertools.testing;

import org.opentest4j.TestAbortedException;

/**
 * Thrown by {@link LocalLambdaRuntime.Builder#start()} before anything starts when the Lambda
 * runtime interface client cannot run on this operating system or CPU (its native library exists
 * for Linux x86_64 and aarch64 only).
 *
 * <p>It is a JUnit assumption failure ({@link TestAbortedException}): a test, or a
 * {@code @BeforeAll} method, that starts a runtime on such a machine is reported as skipped with
 * this reason instead of failing, so the same suite runs on a developer's laptop and fully on Linux
 * CI. Outside JUnit it is an ordinary unchecked exception with the same message.
 */
public final class UnsupportedPlatformException extends TestAbortedException {

    private static final long serialVersionUID = 1L;

    private final String osName;
    private final String osArch;

    UnsupportedPlatformException(String message, String osName, String osArch) {
        super(message);
        this.osName = osName;
        this.osArch = osArch;
    }

    /**
     * Returns the operating system the client cannot run on.
     *
     * @return the {@code os.name} that was checked
     */
    public String osName() {
        return osName;
    }

    /**
     * Returns the CPU architecture that was checked.
     *
     * @return the {@code os.arch} that was checked
     */
    public String osArch() {
        return osArch;
    }
}

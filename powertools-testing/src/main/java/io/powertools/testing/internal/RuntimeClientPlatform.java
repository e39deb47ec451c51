package io.powertools.testing.internal;

import java.util.Locale;

/**
 * Where the runtime interface client can run: its JNI library exists for Linux on x86_64 and
 * aarch64 only. Elsewhere the child JVM would fail with an {@code UnsatisfiedLinkError} deep in its
 * output; checking first lets the caller say why, before anything starts.
 */
public final class RuntimeClientPlatform {

    private RuntimeClientPlatform() {
    }

    /**
     * Returns the CPU name the runtime client's library file names use.
     *
     * @param osName the value of {@code os.name}
     * @param osArch the value of {@code os.arch}
     * @return {@code x86_64} or {@code aarch_64}, or {@code null} when the client has no library for
     *     this platform
     */
    public static String cpu(String osName, String osArch) {
        if (!osName.toLowerCase(Locale.ROOT).contains("linux")) {
            return null;
        }
        String arch = osArch.toLowerCase(Locale.ROOT);
        if (arch.equals("amd64") || arch.equals("x86_64")) {
            return "x86_64";
        }
        if (arch.equals("aarch64") || arch.equals("arm64")) {
            return "aarch_64";
        }
        return null;
    }

    /**
     * Explains why the runtime client cannot run on a platform.
     *
     * @param osName the value of {@code os.name}
     * @param osArch the value of {@code os.arch}
     * @return the reason and what to do, or {@code null} when the platform is supported
     */
    public static String problem(String osName, String osArch) {
        if (cpu(osName, osArch) != null) {
            return null;
        }
        return "The Lambda runtime interface client runs only on Linux x86_64 and aarch64 (its native library"
                + " exists for those alone), and this JVM runs on " + osName + " " + osArch + ". Run the tests that"
                + " use LocalLambdaRuntime on Linux, for example in CI or a Linux container; plain unit tests"
                + " (FakeContext, OutputCaptureExtension) run anywhere.";
    }
}

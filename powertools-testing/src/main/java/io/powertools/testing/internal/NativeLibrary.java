package io.powertools.testing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;

/**
 * Gives each child JVM a private copy of the runtime client's JNI library.
 *
 * <p>Why: by default the runtime client copies its library to the fixed path
 * {@code /tmp/.libaws-lambda-jni.so} on every start, replacing the file. Two child JVMs starting at
 * once (parallel test classes, another module's build) can then load a half-written library, and a
 * file left by another user cannot be replaced at all. The client loads the file named by the system
 * property {@value #PROPERTY} instead when it is set, so this class extracts the library once per
 * test JVM to a private temporary file and the children get that property.
 */
public final class NativeLibrary {

    /** The system property the runtime client reads the library path from. */
    public static final String PROPERTY =
            "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    private NativeLibrary() {
    }

    /**
     * Returns the path of a private copy of the JNI library for this platform, extracting it on the
     * first call.
     *
     * @return the library path, or {@code null} when it cannot be extracted (non-Linux platform, the
     *     runtime client not on this JVM's class path); the child then falls back to its own default
     */
    public static Path extracted() {
        return Holder.PATH;
    }

    /** Lazy, thread-safe, once-per-JVM extraction. */
    private static final class Holder {
        static final Path PATH = extract();
    }

    private static Path extract() {
        String resource = resourceName();
        if (resource == null) {
            return null;
        }
        try (InputStream in = NativeLibrary.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            Path file = Files.createTempFile("powertools-libaws-lambda-jni-", ".so");
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            return null;
        }
    }

    private static String resourceName() {
        String cpu = RuntimeClientPlatform.cpu(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
        if (cpu == null) {
            return null;
        }
        return "jni/libaws-lambda-jni." + (isMusl() ? "linux_musl-" : "linux-") + cpu + ".so";
    }

    private static boolean isMusl() {
        try (var entries = Files.list(Paths.get("/lib"))) {
            return entries.anyMatch(entry -> entry.getFileName().toString().startsWith("ld-musl-"));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}

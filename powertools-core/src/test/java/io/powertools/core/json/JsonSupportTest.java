package io.powertools.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

/** Whether the optional Jackson dependencies are there, asked without touching Jackson. */
class JsonSupportTest {

    @Test
    void availableWhenJacksonIsOnTheClassPath() {
        assertThat(JsonSupport.isAvailable()).isTrue();
        JsonSupport.require("logEvent"); // does not throw
    }

    @Test
    void unavailableWhenAnyRequiredLibraryIsMissing() {
        assertThat(JsonSupport.isAvailable(hiding("com.fasterxml.jackson.databind."))).isFalse();
        assertThat(JsonSupport.isAvailable(hiding("com.fasterxml.jackson.datatype."))).isFalse();
        assertThat(JsonSupport.isAvailable(hiding("io.burt."))).isFalse();
        assertThat(JsonSupport.isAvailable(hiding("no.such.package."))).isTrue();
    }

    @Test
    void theRequirementNamesTheFeatureAndTheArtifacts() throws Exception {
        // A fresh copy of the class in a loader without Jackson: its answer is computed there.
        ClassLoader withoutJackson = new ChildFirst(JsonSupport.class, hiding("com.fasterxml.jackson."));
        Class<?> isolated = withoutJackson.loadClass(JsonSupport.class.getName());
        assertThat(isolated.getMethod("isAvailable").invoke(null)).isEqualTo(false);
        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(
                () -> isolated.getMethod("require", String.class).invoke(null, "logEvent"));
        assertThat(failure.getCause())
                .hasMessageContaining("logEvent needs Jackson on the class path")
                .hasMessageContaining("com.fasterxml.jackson.core:jackson-databind")
                .hasMessageContaining("turn logEvent off");
    }

    private static ClassLoader hiding(String prefix) {
        return new ClassLoader(JsonSupportTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.startsWith(prefix)) {
                    throw new ClassNotFoundException(name);
                }
                return super.loadClass(name, resolve);
            }
        };
    }

    /** Defines JsonSupport itself (not its parent's copy) so its static state is computed in this loader. */
    private static final class ChildFirst extends URLClassLoader {
        private final String isolated;

        ChildFirst(Class<?> isolated, ClassLoader parent) {
            super(new URL[] {isolated.getProtectionDomain().getCodeSource().getLocation()}, parent);
            this.isolated = isolated.getName();
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.equals(isolated)) {
                synchronized (getClassLoadingLock(name)) {
                    Class<?> found = findLoadedClass(name);
                    return found != null ? found : findClass(name);
                }
            }
            return super.loadClass(name, resolve);
        }
    }
}

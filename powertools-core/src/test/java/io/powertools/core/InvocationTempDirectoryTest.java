package io.powertools.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.powertools.core.config.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.Test;

class InvocationTempDirectoryTest {

    private final ExecutionEnvironment environment = ExecutionEnvironment.create(Environment.of(Map.of()));

    @Test
    void eachInvocationGetsItsOwnDirectoryDeletedAtClose() throws Exception {
        Path first;
        Path nestedFile;
        try (Invocation.Scope scope = environment.open("e", TestContext.withRequestId("req/../1"))) {
            first = InvocationTempDirectory.current();
            assertThat(first).isDirectory();
            assertThat(first.getFileName().toString()).startsWith("powertools-req____1-");
            assertThat(first.getParent()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir")));
            Files.createDirectories(first.resolve("a/b"));
            nestedFile = Files.writeString(first.resolve("a/b/report.csv"), "x,y");
            assertThat(InvocationTempDirectory.current()).isSameAs(first);

            try (Invocation.Scope other = environment.open("e", TestContext.random())) {
                assertThat(InvocationTempDirectory.current()).isNotEqualTo(first);
            }
        }
        assertThat(nestedFile).doesNotExist();
        assertThat(first).doesNotExist();
    }

    @Test
    void workersOfTheInvocationShareTheDirectory() throws Exception {
        ExecutorService pool = Invocation.propagating(Executors.newFixedThreadPool(2));
        try (Invocation.Scope scope = environment.open("e", TestContext.random())) {
            Path mine = InvocationTempDirectory.current();
            assertThat(pool.submit(InvocationTempDirectory::current).get()).isEqualTo(mine);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void outsideAnInvocationItFailsClearly() {
        assertThatThrownBy(InvocationTempDirectory::current).hasMessageContaining("No Invocation is open");
    }
}

package io.powertools.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.powertools.testing.dynamo.AbandonedServerMain;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * No dynalite outlives the JVM that started it, whether the JVM exits without closing the server
 * (the shutdown hook ends it) or is killed so that no hook runs (the server sees its standard input
 * close and exits).
 */
class DynamoDbTestServerOrphanTest {

    @Test
    void aJvmThatExitsWithoutClosingLeavesNoServerBehind() throws Exception {
        Process jvm = abandon("exit");
        ProcessHandle node = nodeOf(jvm);

        assertThat(jvm.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(node.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
    }

    @Test
    void aKilledJvmLeavesNoServerBehind() throws Exception {
        Process jvm = abandon("hang");
        ProcessHandle node = nodeOf(jvm);
        assertThat(node.isAlive()).isTrue();

        jvm.toHandle().destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertThat(jvm.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(node.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
    }

    private static Process abandon(String how) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                AbandonedServerMain.class.getName(), how))
                .redirectErrorStream(true)
                .start();
    }

    private static ProcessHandle nodeOf(Process jvm) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("node-pid=")) {
                long pid = Long.parseLong(line.substring("node-pid=".length()));
                // Keep draining so the child never blocks on a full pipe.
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "abandoned-jvm-output");
                drain.setDaemon(true);
                drain.start();
                ProcessHandle node = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("node " + pid + " gone"));
                jvm.getOutputStream().write('\n'); // go on
                jvm.getOutputStream().flush();
                return node;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("The child JVM printed no node pid:\n" + seen);
    }
}

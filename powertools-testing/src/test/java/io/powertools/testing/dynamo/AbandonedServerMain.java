package io.powertools.testing.dynamo;

import io.powertools.testing.DynamoDbTestServer;

/**
 * A JVM that starts a server and never closes it: once told to go on, with {@code exit} it exits at once (the shutdown
 * hook must end dynalite), with {@code hang} it waits to be killed (dynalite must notice by itself).
 */
public final class AbandonedServerMain {

    private AbandonedServerMain() {
    }

    public static void main(String[] args) throws Exception {
        DynamoDbTestServer server = DynamoDbTestServer.builder()
                .dataDirectory(java.nio.file.Files.createTempDirectory("abandoned-dynalite"))
                .start();
        System.out.println("node-pid=" + server.process().orElseThrow().pid());
        System.out.flush();
        System.in.read(); // the test has found the node process
        if (args[0].equals("exit")) {
            System.exit(0);
        }
        Thread.sleep(120_000);
    }
}

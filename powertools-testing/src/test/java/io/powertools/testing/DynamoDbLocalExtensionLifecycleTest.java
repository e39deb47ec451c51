package io.powertools.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Drives the extension's callbacks by hand to check what JUnit's own run cannot show from inside
 * the class: the server stops after the class that started it, and only after that class.
 */
class DynamoDbLocalExtensionLifecycleTest {

    @Test
    void serverStopsAfterTheOwningClassOnly() {
        DynamoDbLocalExtension extension = new DynamoDbLocalExtension();
        ExtensionContext outer = contextWithId("[class:Outer]");
        ExtensionContext nested = contextWithId("[class:Outer]/[nested-class:Inner]");

        extension.beforeAll(outer);
        int port = extension.port();
        try {
            extension.beforeAll(nested);
            extension.afterAll(nested);

            assertThat(extension.isRunning()).isTrue();
            assertThat(extension.port()).isEqualTo(port);
            assertThat(accepts(port)).isTrue();
            extension.client().listTables();
        } finally {
            extension.afterAll(outer);
        }

        assertThat(extension.isRunning()).isFalse();
        assertThat(accepts(port)).as("port %d closed after the class", port).isFalse();
        assertThatThrownBy(extension::client)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DynamoDB Local is not running");
        extension.stop(); // idempotent
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            return true;
        } catch (ConnectException refused) {
            return false;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The extension only asks the context for its unique id. */
    private static ExtensionContext contextWithId(String uniqueId) {
        return (ExtensionContext) Proxy.newProxyInstance(ExtensionContext.class.getClassLoader(),
                new Class<?>[] {ExtensionContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getUniqueId")) {
                        return uniqueId;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}

package io.powertools.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Drives the extension's callbacks by hand to check what JUnit's own run cannot show from inside
 * the class: the server ends after the class that started it, and only after that class.
 */
class DynamoDbTestServerExtensionLifecycleTest {

    @Test
    void serverEndsAfterTheOwningClassOnly() {
        DynamoDbTestServerExtension extension = new DynamoDbTestServerExtension();
        ExtensionContext outer = contextWithId("[class:Outer]");
        ExtensionContext nested = contextWithId("[class:Outer]/[nested-class:Inner]");

        extension.beforeAll(outer);
        DynamoDbTestServer server = extension.server();
        try {
            extension.beforeAll(nested);
            extension.afterAll(nested);

            assertThat(extension.server()).isSameAs(server);
            assertThat(server.isRunning()).isTrue();
            extension.client().listTables();
        } finally {
            extension.afterAll(outer);
        }

        assertThat(server.isRunning()).isFalse();
        server.process().ifPresent(node -> assertThat(node.isAlive()).isFalse());
        if (!server.isExternal()) {
            assertThat(DynamoDbTestServerTest.accepts(server.endpoint().getPort()))
                    .as("port closed after the class").isFalse();
        }
        assertThatThrownBy(extension::server)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not running");
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

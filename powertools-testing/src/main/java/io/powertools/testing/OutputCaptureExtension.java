package io.powertools.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that captures {@code System.out} around each test and hands the test a
 * {@link CapturedOutput}: the function's log lines and EMF blobs as parsed objects, for plain unit
 * tests that call a handler in the test's own JVM.
 *
 * <pre>{@code
 * @ExtendWith(OutputCaptureExtension.class)
 * class OrderHandlerTest {
 *     @Test
 *     void logsTheOrderAndCountsIt(CapturedOutput output) {
 *         new OrderHandler().handleRequest(event, FakeContext.create());
 *
 *         assertThat(output.logEvents()).anySatisfy(line ->
 *                 assertThat(line.get("message").asText()).isEqualTo("Order accepted"));
 *         assertThat(output.emfBlobs().get(0).get("OrderPlaced").asInt()).isEqualTo(1);
 *     }
 * }
 * }</pre>
 *
 * <p>The capture starts before {@code @BeforeEach} methods run and ends after the test, so what
 * {@code @BeforeEach} printed is included ({@link CapturedOutput#clear()} drops it). Tests of one
 * JVM that capture must not run in parallel: {@code System.out} is one per JVM.
 */
public final class OutputCaptureExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(OutputCaptureExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put(CapturedOutput.class, CapturedOutput.start());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        CapturedOutput output = context.getStore(NAMESPACE).remove(CapturedOutput.class, CapturedOutput.class);
        if (output != null) {
            output.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == CapturedOutput.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        CapturedOutput output = extensionContext.getStore(NAMESPACE).get(CapturedOutput.class, CapturedOutput.class);
        if (output == null) {
            throw new ParameterResolutionException("CapturedOutput is available to test methods, @BeforeEach and"
                    + " @AfterEach methods only: the capture runs around each test. Capture around a whole class"
                    + " with CapturedOutput.start() in @BeforeAll instead.");
        }
        return output;
    }
}

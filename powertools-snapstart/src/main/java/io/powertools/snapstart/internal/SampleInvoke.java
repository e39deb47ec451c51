package io.powertools.snapstart.internal;

import com.amazonaws.services.lambda.runtime.Context;
import io.powertools.core.ExecutionEnvironment;
import io.powertools.core.json.Json;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The child-JVM side of {@link io.powertools.snapstart.ClassListGenerator}: creates the handler the
 * way the Lambda runtime does (no-argument constructor) and calls it with the sample event, so the
 * JVM's class-load log records what a real invocation loads.
 *
 * <p>Arguments: {@code <package.Class[::method]> <event file or -> <invocations>}.
 */
public final class SampleInvoke {

    private SampleInvoke() {
    }

    /**
     * Runs the sample invocations; exits non-zero when the handler fails.
     *
     * @param args handler, event file ({@code -} for a null event), number of invocations
     * @throws Exception when the handler cannot be created or fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: SampleInvoke <package.Class[::method]> <event.json|-> <invocations>");
        }
        String[] parts = args[0].split("::", 2);
        String methodName = parts.length == 2 ? parts[1] : "handleRequest";
        Class<?> type = Class.forName(parts[0]);
        Constructor<?> constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        Object handler = constructor.newInstance();
        Method method = handlerMethod(type, methodName);
        byte[] event = "-".equals(args[1]) ? null : Files.readAllBytes(Path.of(args[1]));
        int invocations = Integer.parseInt(args[2]);
        ExecutionEnvironment environment = ExecutionEnvironment.get();
        for (int i = 1; i <= invocations; i++) {
            Context context = new PrimingContext(environment, "class-list-sample-" + i);
            try {
                method.invoke(handler, arguments(method, event, context));
            } catch (InvocationTargetException e) {
                throw new IllegalStateException("Sample invocation " + i + " of " + args[0] + " failed: "
                        + e.getCause(), e.getCause());
            }
        }
    }

    private static Method handlerMethod(Class<?> type, String name) {
        for (Method method : type.getMethods()) {
            int count = method.getParameterCount();
            if (method.getName().equals(name) && !method.isBridge() && (count == 2 || count == 3)
                    && method.getParameterTypes()[count - 1] == Context.class) {
                return method;
            }
        }
        throw new IllegalArgumentException("No public method " + name + "(event, Context) or " + name
                + "(InputStream, OutputStream, Context) in " + type.getName());
    }

    private static Object[] arguments(Method method, byte[] event, Context context) throws Exception {
        if (method.getParameterCount() == 3) {
            InputStream in = new ByteArrayInputStream(event == null ? "null".getBytes(StandardCharsets.UTF_8) : event);
            return new Object[] {in, OutputStream.nullOutputStream(), context};
        }
        Object value = event == null ? null
                : Json.reader().forType(Json.newMapper().constructType(method.getGenericParameterTypes()[0]))
                        .readValue(event);
        return new Object[] {value, context};
    }
}

package io.powertools.core.internal;

import io.burt.jmespath.Adapter;
import io.burt.jmespath.JmesPathType;
import io.burt.jmespath.function.ArgumentConstraints;
import io.burt.jmespath.function.BaseFunction;
import io.burt.jmespath.function.Function;
import io.burt.jmespath.function.FunctionArgument;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The JMESPath functions Powertools users rely on in their paths. Each takes one string.
 */
public final class PowertoolsFunctions {

    private PowertoolsFunctions() {
    }

    /**
     * All functions, to extend a registry with.
     *
     * @return the functions
     */
    public static Function[] all() {
        return new Function[] {new JsonFunction(), new Base64Function(), new Base64GzipFunction()};
    }

    /** {@code powertools_json(text)}: the JSON value the string holds. */
    static final class JsonFunction extends BaseFunction {
        JsonFunction() {
            super("powertools_json", ArgumentConstraints.typeOf(JmesPathType.STRING));
        }

        @Override
        protected <T> T callFunction(Adapter<T> runtime, List<FunctionArgument<T>> arguments) {
            return runtime.parseString(runtime.toString(arguments.get(0).value()));
        }
    }

    /** {@code powertools_base64(text)}: the base64-decoded text (UTF-8). */
    static final class Base64Function extends BaseFunction {
        Base64Function() {
            super("powertools_base64", ArgumentConstraints.typeOf(JmesPathType.STRING));
        }

        @Override
        protected <T> T callFunction(Adapter<T> runtime, List<FunctionArgument<T>> arguments) {
            byte[] bytes = Base64.getMimeDecoder().decode(runtime.toString(arguments.get(0).value()));
            return runtime.createString(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    /** {@code powertools_base64_gzip(text)}: base64-decoded, gunzipped text (e.g. CloudWatch Logs data). */
    static final class Base64GzipFunction extends BaseFunction {
        Base64GzipFunction() {
            super("powertools_base64_gzip", ArgumentConstraints.typeOf(JmesPathType.STRING));
        }

        @Override
        protected <T> T callFunction(Adapter<T> runtime, List<FunctionArgument<T>> arguments) {
            byte[] compressed = Base64.getMimeDecoder().decode(runtime.toString(arguments.get(0).value()));
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
                return runtime.createString(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("powertools_base64_gzip: the data is not gzip: " + e.getMessage(), e);
            }
        }
    }

}

package io.powertools.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.burt.jmespath.Expression;
import io.burt.jmespath.JmesPath;
import io.burt.jmespath.RuntimeConfiguration;
import io.burt.jmespath.function.FunctionRegistry;
import io.burt.jmespath.jackson.JacksonRuntime;
import io.powertools.core.internal.PowertoolsFunctions;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A compiled JMESPath expression over Jackson trees, with the functions Powertools users write in
 * their paths: {@code powertools_json(..)} (parse a string holding JSON, such as an API Gateway
 * body), {@code powertools_base64(..)} and {@code powertools_base64_gzip(..)}.
 *
 * <pre>{@code
 * JsonPath orderId = JsonPath.compile("powertools_json(body).order.id"); // at init
 * JsonNode id = orderId.search(Json.toTree(event));                    // per request
 * }</pre>
 *
 * <p>Compiled expressions are cached and immutable, so compile at init and share. A malformed
 * expression fails in {@link #compile(String)}, naming the expression, so a typo in configuration
 * surfaces when the function starts, not at its first request.
 */
public final class JsonPath {

    private static final JmesPath<JsonNode> RUNTIME = new JacksonRuntime(RuntimeConfiguration.builder()
            .withFunctionRegistry(FunctionRegistry.defaultRegistry().extend(PowertoolsFunctions.all()))
            .build());
    private static final ConcurrentHashMap<String, JsonPath> CACHE = new ConcurrentHashMap<>();

    private final String text;
    private final Expression<JsonNode> expression;

    private JsonPath(String text, Expression<JsonNode> expression) {
        this.text = text;
        this.expression = expression;
    }

    /**
     * Compiles an expression, or returns the cached compilation of the same text.
     *
     * @param expression the JMESPath text
     * @return the compiled expression
     * @throws IllegalArgumentException when the expression is blank or malformed, naming it
     */
    public static JsonPath compile(String expression) {
        Objects.requireNonNull(expression, "JMESPath expression is null");
        JsonPath cached = CACHE.get(expression);
        return cached != null ? cached : CACHE.computeIfAbsent(expression, JsonPath::doCompile);
    }

    private static JsonPath doCompile(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("JMESPath expression is blank: give a path such as "
                    + "'requestContext.requestId'");
        }
        try {
            return new JsonPath(text, RUNTIME.compile(text));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Invalid JMESPath expression '" + text + "': " + e.getMessage(), e);
        }
    }

    /**
     * Evaluates the expression.
     *
     * @param document the JSON tree to search
     * @return the result; {@code NullNode} when nothing matched
     * @throws JsonPathException when a function fails on the data (e.g. powertools_json on text
     *     that is not JSON), naming the expression
     */
    public JsonNode search(JsonNode document) {
        if (document == null || document instanceof MissingNode) {
            return NullNode.getInstance();
        }
        try {
            return expression.search(document);
        } catch (RuntimeException e) {
            throw new JsonPathException("JMESPath expression '" + text + "' failed on the event: " + e.getMessage(), e);
        }
    }

    /**
     * Evaluates the expression on any value, converting it to a tree first.
     *
     * @param value a POJO, map or tree
     * @return the result; {@code NullNode} when nothing matched
     */
    public JsonNode searchValue(Object value) {
        return search(value instanceof JsonNode ? (JsonNode) value : Json.toTree(value));
    }

    /**
     * The expression's text.
     *
     * @return the text it was compiled from
     */
    public String expression() {
        return text;
    }

    @Override
    public String toString() {
        return "JsonPath[" + text + "]";
    }
}

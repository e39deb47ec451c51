package com.example.quotes;

import static io.powertools.logging.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.powertools.core.json.Json;
import io.powertools.logging.CorrelationIdPaths;
import io.powertools.logging.LogKeys;
import io.powertools.logging.LoggingOptions;
import io.powertools.logging.PowertoolsLogging;
import io.powertools.metrics.MetricUnit;
import io.powertools.metrics.Metrics;
import io.powertools.metrics.MetricsOptions;
import io.powertools.snapstart.InvokePriming;
import io.powertools.snapstart.RestoreScoped;
import io.powertools.snapstart.SnapStart;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /quotes}: shipping quotes, with SnapStart. Functional API only, no AspectJ.
 *
 * <p>Before the snapshot (once per published version): the library modules and the classes in
 * {@code META-INF/powertools/priming/function.classes} are loaded and initialised, then the
 * handler runs 3 times with sample events ({@link InvokePriming}), so the real paths (JSON, the
 * logging and metrics decorators, the pricing code) are loaded and warm. While priming, metrics
 * write nothing and cold start is not taken.
 *
 * <p>After every restore: cold start is reset (the first real invocation reports it), the
 * per-environment id is re-created ({@link RestoreScoped#eager}) and added to every log line.
 */
public class QuotesHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(QuotesHandler.class);

    private static final MetricsOptions METRICS = MetricsOptions.builder()
            .namespace("ExampleShop")
            .captureColdStart(true)
            .build();
    private static final LoggingOptions LOGGING = LoggingOptions.builder()
            .correlationIdPath(CorrelationIdPaths.API_GATEWAY_REST)
            .logError(true)
            .build();

    /** Immutable, identical everywhere: safe in the snapshot. */
    private static final RateTable RATES = RateTable.load();

    /** Unique per execution environment: made again after each restore, never shared by snapshot copies. */
    private static final RestoreScoped<String> ENVIRONMENT_ID =
            RestoreScoped.eager("environment id", () -> UUID.randomUUID().toString());

    static {
        SnapStart.get()
                .primeInvocations(InvokePriming.withEvents("quotes", new QuotesHandler()::handleRequest,
                        QuotesHandler::sampleEvent).times(3))
                .afterRestore("tag log lines with the environment id",
                        () -> LogKeys.appendPersistentKey("environment_id", ENVIRONMENT_ID.get()));
    }

    private final QuoteService quotes = new QuoteService(RATES);
    private final RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler =
            PowertoolsLogging.decorate(Metrics.flushing(this::handle, METRICS), LOGGING);

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return handler.handleRequest(event, context);
    }

    private APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event, Context context) {
        try {
            Quote quote = quotes.quote(event == null ? null : event.getBody());
            LogKeys.appendKey("quoteId", quote.quoteId());
            Metrics.addDimension("Destination", quote.destination());
            Metrics.addMetric("QuoteIssued", 1, MetricUnit.COUNT);
            LOG.info("Quote issued", entry("priceCents", quote.priceCents()), entry("grams", quote.totalGrams()));
            return json(200, quote);
        } catch (BadRequestException e) {
            Metrics.addMetric("BadRequest", 1, MetricUnit.COUNT);
            LOG.warn("Bad request: {}", e.getMessage());
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("error", "BadRequest");
            error.put("message", e.getMessage());
            if (e.field() != null) {
                error.put("field", e.field());
            }
            return json(400, error);
        }
    }

    /**
     * The event the priming invocations use: a realistic request, so priming walks the same code
     * as production traffic. Public so the class list generator and tests can use it too.
     *
     * @return a fresh sample event
     */
    public static APIGatewayProxyRequestEvent sampleEvent() {
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod("POST")
                .withPath("/quotes")
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext()
                        .withRequestId("priming-" + UUID.randomUUID()))
                .withBody(Json.write(Map.of("destination", "DE", "items",
                        List.of(Map.of("sku", "BOOK-1", "quantity", 2, "weightGrams", 800)))));
    }

    private static APIGatewayProxyResponseEvent json(int status, Object body) {
        return new APIGatewayProxyResponseEvent().withStatusCode(status)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withBody(Json.write(body));
    }
}

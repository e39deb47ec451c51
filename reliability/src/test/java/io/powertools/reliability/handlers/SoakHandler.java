package io.powertools.reliability.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.powertools.batch.SqsBatchProcessor;
import io.powertools.core.Invocation;
import io.powertools.core.InvocationTempDirectory;
import io.powertools.idempotency.Idempotency;
import io.powertools.idempotency.IdempotencyConfig;
import io.powertools.idempotency.InProgressPolicy;
import io.powertools.idempotency.persistence.DynamoDbPersistenceStore;
import io.powertools.logging.CorrelationIdPaths;
import io.powertools.logging.LogKeys;
import io.powertools.logging.LoggingOptions;
import io.powertools.logging.PowertoolsLogging;
import io.powertools.metrics.MetricUnit;
import io.powertools.metrics.Metrics;
import io.powertools.metrics.MetricsOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.logging.log4j.ThreadContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The soak function: every utility at once, built once at init and shared by all handler threads,
 * keeping no per-request state of its own.
 *
 * <p>Per invocation it: checks the thread carries nothing from an earlier request; adds a temporary
 * log key and an MDC entry; logs INFO, DEBUG (sampled) and a buffered DEBUG line; adds a metric value
 * unique to the invocation; writes a file in its per-request temp directory; runs an idempotent
 * order execution (the test JVM's dynalite; duplicates wait for the first and replay it);
 * processes its SQS records in parallel (each record logs, adds a unique metric value and writes a
 * file, some records are poison or fail); checks its temp files are still its own; and fails on
 * purpose when asked. Probe events only report the thread's state, holding a barrier so that
 * every pooled handler thread takes exactly one.
 */
public final class SoakHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    public static final String ENDPOINT_VARIABLE = "RELIABILITY_DYNAMODB_ENDPOINT";
    public static final String TABLE_VARIABLE = "RELIABILITY_IDEMPOTENCY_TABLE";
    public static final String STALE_MARKER = "STALE-STATE";
    public static final String NAMESPACE = "Reliability";

    private static final Logger LOG = LoggerFactory.getLogger(SoakHandler.class);
    private static final Logger HELD = LoggerFactory.getLogger("buffered.soak");

    private static final Idempotency IDEMPOTENCY = Idempotency.of(IdempotencyConfig.builder()
            .persistenceStore(DynamoDbPersistenceStore.builder()
                    .tableName(Clients.required(TABLE_VARIABLE))
                    .dynamoDbClient(Clients.dynamoDb(Clients.required(ENDPOINT_VARIABLE)))
                    .build())
            .eventKeyJmesPath("orderId")
            .payloadValidationJmesPath("amount")
            .inProgressPolicy(InProgressPolicy.waitUpTo(Duration.ofSeconds(20))
                    .withBackoff(Duration.ofMillis(5), Duration.ofMillis(50)))
            .build());

    private static final SqsBatchProcessor BATCH = SqsBatchProcessor.builder()
            .parallel(4)
            .build(Item.class, SoakHandler::record);

    private static final RequestHandler<Map<String, Object>, Map<String, Object>> HANDLER =
            PowertoolsLogging.decorate(
                    Metrics.flushing(SoakHandler::handle, MetricsOptions.builder()
                            .namespace(NAMESPACE)
                            .service("soak")
                            .defaultDimension("Suite", "soak")
                            .captureColdStart(true)
                            .build()),
                    LoggingOptions.builder()
                            .logEvent(true)
                            .logError(true)
                            .correlationIdPath(CorrelationIdPaths.API_GATEWAY_REST)
                            .samplingRate(0.25)
                            .clearState(true)
                            .build());

    /** Test-only coordination of the final probe: holds each handler thread until all have one. */
    private static final CyclicBarrier PROBE_BARRIER = new CyclicBarrier(
            Integer.parseInt(System.getenv().getOrDefault("AWS_LAMBDA_MAX_CONCURRENCY", "1")));

    static {
        LOG.info("soak handler initialised");
    }

    /** A record body. */
    public static final class Item {
        public String item;
        public long value;
        public boolean fail;
    }

    /** The idempotent part's result, stored in DynamoDB and replayed to duplicates. */
    public record Receipt(String orderId, long amount, String executedBy, String tenant) {
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        // Before any utility opens this request's Invocation: the pooled thread must be clean.
        String entryState = entryState(context);
        if (Boolean.TRUE.equals(event.get("probe"))) {
            return probe(entryState, event, context);
        }
        Map<String, Object> response = HANDLER.handleRequest(event, context);
        response.put("entryState", entryState);
        return response;
    }

    private static String entryState(Context context) {
        Invocation stale = Invocation.currentOrNull();
        Map<String, String> mdc = ThreadContext.getImmutableContext();
        if (stale == null && mdc.isEmpty()) {
            return "clean";
        }
        String state = "invocation=" + (stale == null ? null : stale.requestId()) + " mdc=" + mdc;
        System.out.println(STALE_MARKER + " request=" + context.getAwsRequestId() + " thread="
                + Thread.currentThread().getName() + " " + state);
        return state;
    }

    private static Map<String, Object> probe(String entryState, Map<String, Object> event, Context context) {
        String barrier;
        try {
            PROBE_BARRIER.await(30, TimeUnit.SECONDS);
            barrier = "passed";
        } catch (Exception e) {
            barrier = e.toString();
        }
        // The probe also runs through the utilities: its line and blob must hold only its own data.
        Map<String, Object> response = HANDLER.handleRequest(event, context);
        response.put("entryState", entryState);
        response.put("thread", Thread.currentThread().getName());
        response.put("barrier", barrier);
        return response;
    }

    private static Map<String, Object> handle(Map<String, Object> event, Context context) {
        Invocation invocation = Invocation.require();
        String requestId = context.getAwsRequestId();
        Map<String, Object> response = new LinkedHashMap<>();
        if (Boolean.TRUE.equals(event.get("probe"))) {
            LOG.info("probe {}", requestId);
            Metrics.addMetric("ProbeValue", 1, MetricUnit.COUNT);
            response.put("probe", requestId);
            return response;
        }
        int seq = ((Number) event.get("seq")).intValue();
        LogKeys.appendKey("req", requestId);
        MDC.put("mdcReq", requestId);
        LOG.info("start {}", requestId);
        LOG.debug("debug {}", requestId);
        HELD.debug("held {}", requestId);
        Metrics.addMetadata("req", requestId);
        Metrics.addMetric("InvocationValue", seq * 1000L + 1, MetricUnit.COUNT);

        Path directory = InvocationTempDirectory.current();
        write(directory.resolve("owner.txt"), requestId);

        String orderId = (String) event.get("orderId");
        long amount = ((Number) event.get("amount")).longValue();
        Map<String, Object> payload = Map.of("orderId", orderId, "amount", amount);
        Receipt receipt = IDEMPOTENCY.call("order", payload, Receipt.class, () -> {
            LOG.info("executed {} by {}", orderId, requestId);
            Metrics.addMetric("ExecutionValue", seq * 1000L + 2, MetricUnit.COUNT);
            return new Receipt(orderId, amount, requestId, invocation.tenantId().orElse(null));
        });

        SQSBatchResponse batch = BATCH.process(sqsEvent(event));
        List<String> failures = new ArrayList<>();
        batch.getBatchItemFailures().forEach(f -> failures.add(f.getItemIdentifier()));

        // The per-request directory is still this request's alone.
        String owner = read(directory.resolve("owner.txt"));
        boolean filesOwn = owner.equals(requestId);
        int files;
        try (Stream<Path> listing = Files.list(directory)) {
            List<Path> paths = listing.toList();
            files = paths.size();
            for (Path path : paths) {
                String name = path.getFileName().toString();
                if (!name.equals("owner.txt") && !(name.startsWith(requestId + "-m") && read(path).equals(
                        name.substring(0, name.length() - ".txt".length())))) {
                    filesOwn = false;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        boolean sampled = PowertoolsLogging.isSampled();
        if (Boolean.TRUE.equals(event.get("fail"))) {
            throw new IllegalStateException("requested failure " + requestId + " sampled=" + sampled
                    + " cold=" + invocation.isColdStart());
        }
        response.put("requestId", requestId);
        response.put("seq", seq);
        response.put("sampled", sampled);
        response.put("coldStart", invocation.isColdStart());
        response.put("receipt", receipt);
        response.put("failures", failures);
        response.put("tmpDir", directory.toString());
        response.put("tmpFiles", files);
        response.put("tmpOwn", filesOwn);
        response.put("correlationId", PowertoolsLogging.correlationId().orElse(null));
        return response;
    }

    private static void record(Item item, SQSMessage message) {
        String requestId = Invocation.require().requestId();
        LOG.info("record {}", message.getMessageId());
        Metrics.addMetric("RecordValue", item.value, MetricUnit.COUNT);
        write(InvocationTempDirectory.current().resolve(message.getMessageId() + ".txt"), message.getMessageId());
        if (!message.getMessageId().startsWith(requestId + "-m")) {
            System.out.println(STALE_MARKER + " record " + message.getMessageId() + " ran in " + requestId);
        }
        if (item.fail) {
            throw new IllegalStateException("record failure " + message.getMessageId());
        }
    }

    @SuppressWarnings("unchecked")
    private static SQSEvent sqsEvent(Map<String, Object> event) {
        List<SQSMessage> messages = new ArrayList<>();
        for (Map<String, Object> record : (List<Map<String, Object>>) event.get("Records")) {
            SQSMessage message = new SQSMessage();
            message.setMessageId((String) record.get("messageId"));
            message.setBody((String) record.get("body"));
            message.setEventSource("aws:sqs");
            message.setEventSourceArn("arn:aws:sqs:us-east-1:123456789012:soak");
            messages.add(message);
        }
        SQSEvent sqs = new SQSEvent();
        sqs.setRecords(messages);
        return sqs;
    }

    private static void write(Path path, String text) {
        try {
            Files.writeString(path, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.powertools.tracing.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.powertools.core.ExecutionEnvironment;
import io.powertools.core.config.Environment;
import io.powertools.testing.DynamoDbTestServerExtension;
import io.powertools.testing.FakeContext;
import io.powertools.testing.XRayDaemon;
import io.powertools.testing.XRayTrace;
import io.powertools.testing.XRayTrace.Subsegment;
import io.powertools.testing.XRayTraceHeader;
import io.powertools.tracing.HandlerTracer;
import io.powertools.tracing.Tracer;
import io.powertools.tracing.TracingOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** AWS calls of a traced invocation, made against the kit's DynamoDB server, become aws subsegments. */
class TracingInterceptorTest {

    @RegisterExtension
    static final DynamoDbTestServerExtension DYNAMO = new DynamoDbTestServerExtension();

    private static XRayDaemon daemon;
    /** The headers each request went out with, seen by an interceptor registered after ours. */
    private static final List<String> SENT_HEADERS = new CopyOnWriteArrayList<>();
    private static DynamoDbClient client;
    private static HandlerTracer tracer;

    @BeforeAll
    static void start() {
        daemon = XRayDaemon.start();
        DYNAMO.createTable("orders", "id");
        client = DynamoDbClient.builder()
                .endpointOverride(DYNAMO.endpoint())
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(new TracingInterceptor())
                        .addExecutionInterceptor(new ExecutionInterceptor() {
                            @Override
                            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                                SENT_HEADERS.add(context.httpRequest().firstMatchingHeader("X-Amzn-Trace-Id").orElse("none"));
                            }
                        }))
                .build();
        tracer = HandlerTracer.of(TracingOptions.builder().executionEnvironment(ExecutionEnvironment.create(
                Environment.of(Map.of("AWS_XRAY_DAEMON_ADDRESS", daemon.address())))).build());
    }

    @AfterAll
    static void stop() {
        client.close();
        daemon.close();
    }

    private static XRayTrace complete(XRayTraceHeader header) {
        return daemon.awaitTrace(header.root(), t -> !t.subsegments().isEmpty() && t.inProgress().isEmpty(),
                Duration.ofSeconds(10));
    }

    private static FakeContext context(XRayTraceHeader header) {
        return FakeContext.builder().xrayTraceId(header.toString()).build();
    }

    @Test
    void eachCallIsAnAwsSubsegmentUnderTheSubsegmentThatMadeIt() {
        XRayTraceHeader header = XRayTraceHeader.sampled();
        SENT_HEADERS.clear();

        tracer.execute("e", context(header), () -> {
            client.putItem(b -> b.tableName("orders").item(Map.of("id", AttributeValue.fromS("o-1"))));
            Tracer.subsegment("## load", () -> client.getItem(b -> b.tableName("orders").key(Map.of("id",
                    AttributeValue.fromS("o-1"))).consistentRead(true)));
        });

        XRayTrace trace = complete(header);
        assertThat(daemon.problems()).isEmpty();
        List<Subsegment> calls = trace.named("DynamoDB");
        assertThat(calls).as("%s", trace).hasSize(2);
        Subsegment put = calls.stream().filter(c -> c.document().path("aws").path("operation").asText().equals("PutItem"))
                .findFirst().orElseThrow();
        Subsegment get = calls.stream().filter(c -> c.document().path("aws").path("operation").asText().equals("GetItem"))
                .findFirst().orElseThrow();
        assertThat(put.parentId()).isEqualTo(trace.named("## handleRequest").get(0).id());
        assertThat(get.parentId()).isEqualTo(trace.named("## load").get(0).id());
        for (Subsegment call : calls) {
            JsonNode aws = call.document().path("aws");
            assertThat(call.namespace()).contains("aws");
            assertThat(aws.path("region").asText()).isEqualTo("eu-west-1");
            assertThat(aws.path("table_name").asText()).isEqualTo("orders");
            assertThat(aws.path("request_id").asText()).isNotBlank();
            assertThat(aws.path("retries").asInt(-1)).isZero();
            assertThat(call.document().path("http").path("response").path("status").asInt()).isEqualTo(200);
            assertThat(call.fault()).isFalse();
            assertThat(call.document().has("error")).isFalse();
        }
        assertThat(SENT_HEADERS).containsExactlyInAnyOrder(
                "Root=" + header.root() + ";Parent=" + put.id() + ";Sampled=1",
                "Root=" + header.root() + ";Parent=" + get.id() + ";Sampled=1");
    }

    @Test
    void aRejectedCallIsAnErrorWithItsExceptionAndTheHandlerGoesOn() {
        XRayTraceHeader header = XRayTraceHeader.sampled();

        tracer.execute("e", context(header), () -> assertThatThrownBy(() -> client.getItem(b -> b.tableName("no_such_table")
                .key(Map.of("id", AttributeValue.fromS("x"))))).isInstanceOf(ResourceNotFoundException.class));

        Subsegment call = complete(header).named("DynamoDB").get(0);
        assertThat(call.document().path("error").asBoolean()).isTrue();
        assertThat(call.fault()).isFalse();
        assertThat(call.document().path("http").path("response").path("status").asInt()).isEqualTo(400);
        assertThat(call.document().path("aws").path("table_name").asText()).isEqualTo("no_such_table");
        assertThat(call.document().path("cause").path("exceptions").get(0).path("type").asText())
                .isEqualTo(ResourceNotFoundException.class.getName());
        assertThat(daemon.problems()).isEmpty();
    }

    @Test
    void callsOutsideARecordedInvocationPassThroughUntouched() {
        SENT_HEADERS.clear();
        XRayTraceHeader unsampled = XRayTraceHeader.notSampled();

        client.describeTable(b -> b.tableName("orders"));
        tracer.execute("e", context(unsampled), () -> client.describeTable(b -> b.tableName("orders")));

        assertThat(SENT_HEADERS).containsExactly("none", "none");
    }
}

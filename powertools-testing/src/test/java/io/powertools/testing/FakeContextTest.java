package io.powertools.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FakeContextTest {

    @Test
    void defaultsAreUsableAndUniquePerContext() {
        FakeContext first = FakeContext.create();
        FakeContext second = FakeContext.builder().build();

        assertThat(first.getAwsRequestId()).isNotBlank().isNotEqualTo(second.getAwsRequestId());
        assertThat(first.getXrayTraceId())
                .matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=1")
                .isNotEqualTo(second.getXrayTraceId());
        assertThat(first.getFunctionName()).isEqualTo("test-function");
        assertThat(first.getLogGroupName()).isEqualTo("/aws/lambda/test-function");
        assertThat(first.getInvokedFunctionArn()).endsWith(":function:test-function");
        assertThat(first.getFunctionVersion()).isEqualTo("$LATEST");
        assertThat(first.getMemoryLimitInMB()).isEqualTo(512);
        assertThat(first.getRemainingTimeInMillis()).isBetween(1, 30_000);
        assertThat(first.getTenantId()).isNull();
        assertThat(first.getLogger()).isNotNull();
    }

    @Test
    void everyBuilderFieldRoundTrips() {
        CognitoIdentity identity = new CognitoIdentity() {
            @Override
            public String getIdentityId() {
                return "identity-id";
            }

            @Override
            public String getIdentityPoolId() {
                return "pool-id";
            }
        };
        ClientContext clientContext = new ClientContext() {
            @Override
            public com.amazonaws.services.lambda.runtime.Client getClient() {
                return null;
            }

            @Override
            public java.util.Map<String, String> getCustom() {
                return java.util.Map.of("k", "v");
            }

            @Override
            public java.util.Map<String, String> getEnvironment() {
                return java.util.Map.of();
            }
        };
        List<String> logged = new ArrayList<>();
        LambdaLogger logger = new LambdaLogger() {
            @Override
            public void log(String message) {
                logged.add(message);
            }

            @Override
            public void log(byte[] message) {
                logged.add(new String(message, StandardCharsets.UTF_8));
            }
        };

        Context context = FakeContext.builder()
                .awsRequestId("req-1")
                .logGroupName("group")
                .logStreamName("stream")
                .functionName("orders")
                .functionVersion("7")
                .invokedFunctionArn("arn:aws:lambda:eu-west-1:111122223333:function:orders:live")
                .identity(identity)
                .clientContext(clientContext)
                .remainingTimeInMillis(1234)
                .memoryLimitInMB(1769)
                .logger(logger)
                .xrayTraceId("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1")
                .tenantId("tenant-9")
                .build();
        context.getLogger().log("hello");

        assertThat(context.getAwsRequestId()).isEqualTo("req-1");
        assertThat(context.getLogGroupName()).isEqualTo("group");
        assertThat(context.getLogStreamName()).isEqualTo("stream");
        assertThat(context.getFunctionName()).isEqualTo("orders");
        assertThat(context.getFunctionVersion()).isEqualTo("7");
        assertThat(context.getInvokedFunctionArn()).isEqualTo("arn:aws:lambda:eu-west-1:111122223333:function:orders:live");
        assertThat(context.getIdentity().getIdentityPoolId()).isEqualTo("pool-id");
        assertThat(context.getClientContext().getCustom()).containsEntry("k", "v");
        assertThat(context.getRemainingTimeInMillis()).isEqualTo(1234);
        assertThat(context.getMemoryLimitInMB()).isEqualTo(1769);
        assertThat(logged).containsExactly("hello");
        assertThat(context.getXrayTraceId()).isEqualTo("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");
        assertThat(context.getTenantId()).isEqualTo("tenant-9");
    }

    @Test
    void remainingTimeIsDerivedFromDeadlineAndClock() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        MutableClock clock = new MutableClock(now);
        FakeContext context = FakeContext.builder()
                .clock(clock)
                .deadline(now.plusSeconds(3))
                .build();

        assertThat(context.getRemainingTimeInMillis()).isEqualTo(3000);
        clock.advance(Duration.ofMillis(1250));
        assertThat(context.getRemainingTimeInMillis()).isEqualTo(1750);
        clock.advance(Duration.ofSeconds(10));
        assertThat(context.getRemainingTimeInMillis()).isZero();
        assertThat(context.getDeadline()).isEqualTo(now.plusSeconds(3));
    }

    @Test
    void laterRemainingTimeSettingWins() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);

        FakeContext fixed = FakeContext.builder().clock(clock).deadline(now.plusSeconds(5))
                .remainingTimeInMillis(42).build();
        FakeContext deadline = FakeContext.builder().clock(clock).remainingTimeInMillis(42)
                .deadline(now.plusSeconds(5)).build();

        assertThat(fixed.getRemainingTimeInMillis()).isEqualTo(42);
        assertThat(fixed.getDeadline()).isNull();
        assertThat(deadline.getRemainingTimeInMillis()).isEqualTo(5000);
    }

    @Test
    void toBuilderKeepsValuesAndAllowsVariants() {
        FakeContext original = FakeContext.builder().functionName("orders").tenantId("t1").build();

        FakeContext copy = original.toBuilder().build();
        FakeContext variant = original.toBuilder().awsRequestId("other").tenantId("t2").build();

        assertThat(copy.getAwsRequestId()).isEqualTo(original.getAwsRequestId());
        assertThat(copy.getXrayTraceId()).isEqualTo(original.getXrayTraceId());
        assertThat(copy.getDeadline()).isEqualTo(original.getDeadline());
        assertThat(copy.getFunctionName()).isEqualTo("orders");
        assertThat(variant.getAwsRequestId()).isEqualTo("other");
        assertThat(variant.getTenantId()).isEqualTo("t2");
        assertThat(original.getTenantId()).isEqualTo("t1");
    }

    @Test
    void defaultLoggerWritesLinesToSystemOut() {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            FakeContext.create().getLogger().log("line one");
            FakeContext.create().getLogger().log("line two".getBytes(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
        assertThat(buffer.toString(StandardCharsets.UTF_8).lines()).containsExactly("line one", "line two");
    }

    @Test
    void invalidValuesAreRejectedWithTheirName() {
        assertThatThrownBy(() -> FakeContext.builder().memoryLimitInMB(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("memoryLimitInMB");
        assertThatThrownBy(() -> FakeContext.builder().remainingTimeInMillis(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("remainingTimeInMillis");
    }

    /** A clock tests can move forward by hand. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

package io.powertools.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.powertools.core.ExecutionEnvironment;
import io.powertools.core.config.ConfigurationException;
import io.powertools.core.config.Environment;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings come from the builder first, then from the variables Powertools users already set, and fail at init. */
class TracingOptionsTest {

    private static TracingOptions.Builder with(Map<String, String> variables) {
        return TracingOptions.builder().executionEnvironment(ExecutionEnvironment.create(Environment.of(variables)));
    }

    @Test
    void defaultsCaptureResponseAndErrorUnderTheServiceName() {
        TracingOptions options = with(Map.of("POWERTOOLS_SERVICE_NAME", "checkout")).build();

        assertThat(options.service()).isEqualTo("checkout");
        assertThat(options.captureResponse()).isTrue();
        assertThat(options.captureError()).isTrue();
        assertThat(options.disabled()).isFalse();
        assertThat(options.segmentName()).isEqualTo("## handleRequest");
        assertThat(options.toString()).contains("daemon=/127.0.0.1:2000");
    }

    @Test
    void thePowertoolsVariablesAreHonoured() {
        TracingOptions options = with(Map.of("POWERTOOLS_TRACE_DISABLED", "true",
                "POWERTOOLS_TRACER_CAPTURE_RESPONSE", "false", "POWERTOOLS_TRACER_CAPTURE_ERROR", "FALSE",
                "AWS_XRAY_DAEMON_ADDRESS", "169.254.79.129:2000")).build();

        assertThat(options.disabled()).isTrue();
        assertThat(options.captureResponse()).isFalse();
        assertThat(options.captureError()).isFalse();
        assertThat(options.service()).isEqualTo("service_undefined");
        assertThat(options.toString()).contains("daemon=/169.254.79.129:2000");
    }

    @Test
    void explicitValuesWinOverTheVariables() {
        TracingOptions options = with(Map.of("POWERTOOLS_TRACE_DISABLED", "true", "POWERTOOLS_SERVICE_NAME", "env"))
                .disabled(false).service("explicit").captureResponse(false).segmentName("## orders").build();

        assertThat(options.disabled()).isFalse();
        assertThat(options.service()).isEqualTo("explicit");
        assertThat(options.captureResponse()).isFalse();
        assertThat(options.segmentName()).isEqualTo("## orders");
    }

    @Test
    void theDaemonAddressMayNameBothProtocols() {
        assertThat(with(Map.of("AWS_XRAY_DAEMON_ADDRESS", "tcp:127.0.0.1:2000 udp:127.0.0.2:2001")).build().toString())
                .contains("daemon=/127.0.0.2:2001");
    }

    @Test
    void invalidSettingsFailAtBuildNamingTheVariableAndTheFix() {
        assertThatThrownBy(() -> with(Map.of("POWERTOOLS_TRACER_CAPTURE_RESPONSE", "yes")).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("POWERTOOLS_TRACER_CAPTURE_RESPONSE='yes'").hasMessageContaining("true or false");
        assertThatThrownBy(() -> with(Map.of("AWS_XRAY_DAEMON_ADDRESS", "localhost")).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("AWS_XRAY_DAEMON_ADDRESS='localhost'").hasMessageContaining("host:port");
        assertThatThrownBy(() -> with(Map.of("AWS_XRAY_DAEMON_ADDRESS", "127.0.0.1:70000")).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("port from 1 to 65535");
        assertThatThrownBy(() -> with(Map.of()).segmentName("handle(request)").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'('");
    }
}

package io.powertools.logging.internal;

import io.powertools.core.Invocation;
import org.apache.logging.log4j.layout.template.json.util.JsonWriter;

/**
 * The Lambda fields of a log line, read from the invocation running on the logging thread.
 * A field that has no value (outside an invocation, no tenant, no correlation id) is omitted,
 * never written as null.
 */
public enum InvocationField {
    /** Whether this is the cold-start invocation. */
    COLD_START("cold_start") {
        @Override
        boolean write(Invocation invocation, JsonWriter writer) {
            if (writer != null) {
                writer.writeBoolean(invocation.isColdStart());
            }
            return true;
        }
    },
    /** The function's name. */
    FUNCTION_NAME("function_name") {
        @Override
        boolean write(Invocation invocation, JsonWriter writer) {
            return text(writer, invocation.context().getFunctionName());
        }
    },
    /** The function's version. */
    FUNCTION_VERSION("function_version") {
        @Override
        boolean write(Invocation invocation, JsonWriter writer) {
            return text(writer, invocation.context().getFunctionVersion());
        }
    },
    /** The ARN the function was invoked with. */
    FUNCTION_ARN("function_arn") {
        @Override
        boolean write(Invocation invocation, JsonWriter writer) {
            return text(writer, invocation.context().getInvokedFunctionArn());
        }
    },
    /** The function's memory in MB. */
    FUNCTION_MEMORY_SIZE("function_memory_size") {
        @Override
        boolean write(Invocation invocation, JsonWriter writer) {
            if (writer != null) {
                writer.writeNumber(invocation.context().getMemoryLimitInMB());
            }
            return true;
        }
    },
    /** The request id. */
    FUNCTION_REQUEST_ID("function_request_id") {
        @Override
        boolean write(Invocation invocation, JsonWriter writer) {
            return text(writer, invocation.requestId());
        }
    },
    /** The X-Ray trace id (root of the trace header). */
    XRAY_TRACE_ID("xray_trace_id") {
        @Override
        boolean write(Invocation invocation, JsonWriter writer) {
            return text(writer, LogState.of(invocation).traceRoot(invocation));
        }
    },
    /** The tenant of a tenant-isolated function. */
    TENANT_ID("tenant_id") {
        @Override
        boolean write(Invocation invocation, JsonWriter writer) {
            return text(writer, invocation.tenantId().orElse(null));
        }
    },
    /** The correlation id taken from the event or set by the handler. */
    CORRELATION_ID("correlation_id") {
        @Override
        boolean write(Invocation invocation, JsonWriter writer) {
            return text(writer, LogState.of(invocation).correlationId());
        }
    },
    /** The DEBUG sampling rate, when above 0. */
    SAMPLING_RATE("sampling_rate") {
        @Override
        boolean write(Invocation invocation, JsonWriter writer) {
            double rate = LogState.of(invocation).samplingRate();
            if (rate > 0) {
                if (writer != null) {
                    writer.writeNumber(rate);
                }
                return true;
            }
            return false;
        }
    };

    private final String key;

    InvocationField(String key) {
        this.key = key;
    }

    /**
     * The JSON key, which is also the resolver's {@code field} value in templates.
     *
     * @return the key
     */
    public String key() {
        return key;
    }

    /**
     * The field named in a template.
     *
     * @param key the key
     * @return the field, or null
     */
    public static InvocationField byKey(String key) {
        for (InvocationField field : values()) {
            if (field.key.equals(key)) {
                return field;
            }
        }
        return null;
    }

    /**
     * Writes the value, or nothing when there is none. When {@code writer} is null, only reports
     * whether a value exists.
     */
    abstract boolean write(Invocation invocation, JsonWriter writer);

    /**
     * Whether the invocation has a value for this field.
     *
     * @param invocation the invocation
     * @return true when the field is written
     */
    public boolean isPresent(Invocation invocation) {
        return write(invocation, null);
    }

    /**
     * Writes the value.
     *
     * @param invocation the invocation
     * @param writer the writer
     */
    public void writeValue(Invocation invocation, JsonWriter writer) {
        write(invocation, writer);
    }

    private static boolean text(JsonWriter writer, String value) {
        if (value == null) {
            return false;
        }
        if (writer != null) {
            writer.writeString(value);
        }
        return true;
    }
}

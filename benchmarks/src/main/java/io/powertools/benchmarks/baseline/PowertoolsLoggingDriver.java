package io.powertools.benchmarks.baseline;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.Context;
import io.powertools.benchmarks.support.NullOutputLog4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * One whole invocation on Powertools for AWS Lambda (Java) 2.9.0 through its functional API:
 * {@code PowertoolsLogging.withLogging(context, ...)} around three INFO lines, written with its
 * {@code LambdaJsonLayout.json} template to a discarding appender. Runs only inside
 * {@link io.powertools.benchmarks.support.IsolatedWorld}.
 */
public final class PowertoolsLoggingDriver implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(PowertoolsLoggingDriver.class);

    private final Context context = new BaselineContext();

    /** Configures this world's Log4j2 with Powertools' template. */
    public PowertoolsLoggingDriver() {
        NullOutputLog4j.install("classpath:LambdaJsonLayout.json");
    }

    @Override
    public void run() {
        PowertoolsLogging.withLogging(context, () -> {
            LOG.info("Processing order");
            LOG.info("Order accepted", entry("orderId", "o-77"), entry("total", 42));
            LOG.info("Done");
            return null;
        });
    }
}

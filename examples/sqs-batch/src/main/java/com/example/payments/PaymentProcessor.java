package com.example.payments;

import static io.powertools.logging.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.powertools.idempotency.Idempotency;
import io.powertools.metrics.MetricUnit;
import io.powertools.metrics.Metrics;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to one payment message: validate, then charge at most once per {@code paymentId}.
 * Runs on several worker threads at once (parallel batches); every worker runs inside the
 * invocation, so its log lines and metrics belong to the right request. Stateless and thread-safe.
 */
public class PaymentProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentProcessor.class);
    private static final Pattern PAYMENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Set<String> CURRENCIES = Set.of("EUR", "USD", "GBP", "JPY", "INR");

    private final Idempotency idempotency;
    private final PaymentLedger ledger;

    /**
     * Creates the processor.
     *
     * @param idempotency the idempotency instance (functional API)
     * @param ledger where charges are recorded
     */
    public PaymentProcessor(Idempotency idempotency, PaymentLedger ledger) {
        this.idempotency = idempotency;
        this.ledger = ledger;
    }

    /**
     * Processes one message. Throwing fails the record: the batch processor reports its message id
     * and SQS delivers it again (then to the DLQ after {@code maxReceiveCount}).
     *
     * @param payment the body, read by the batch processor
     * @param message the raw SQS message
     * @throws InvalidPaymentException when the payment breaks a rule
     */
    public void charge(PaymentRequest payment, SQSMessage message) {
        validate(payment);
        // The functional API: the payment id is the key; a duplicate gets the first result back.
        ChargeResult result = idempotency.call("charge", payment.paymentId(), ChargeResult.class,
                () -> ledger.charge(payment));
        if (result.replayed()) {
            Metrics.addMetric("DuplicatePayment", 1, MetricUnit.COUNT);
            LOG.info("Duplicate payment skipped", entry("paymentId", payment.paymentId()),
                    entry("messageId", message.getMessageId()), entry("chargedBy", result.requestId()));
        } else {
            Metrics.addMetric("PaymentCharged", 1, MetricUnit.COUNT);
            LOG.info("Payment charged", entry("paymentId", payment.paymentId()),
                    entry("messageId", message.getMessageId()), entry("amountCents", payment.amountCents()));
        }
    }

    private static void validate(PaymentRequest payment) {
        if (payment.paymentId() == null || !PAYMENT_ID.matcher(payment.paymentId()).matches()) {
            throw new InvalidPaymentException("paymentId is required: 1 to 64 letters, digits, '-' or '_'");
        }
        if (payment.orderId() == null || payment.orderId().isBlank()) {
            throw new InvalidPaymentException("orderId is required (payment " + payment.paymentId() + ")");
        }
        if (payment.amountCents() == null || payment.amountCents() <= 0) {
            throw new InvalidPaymentException("amountCents must be positive but was " + payment.amountCents()
                    + " (payment " + payment.paymentId() + ")");
        }
        if (payment.currency() == null || !CURRENCIES.contains(payment.currency())) {
            throw new InvalidPaymentException("currency must be one of " + CURRENCIES + " but was "
                    + payment.currency() + " (payment " + payment.paymentId() + ")");
        }
    }
}

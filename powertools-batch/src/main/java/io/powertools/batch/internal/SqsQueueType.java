package io.powertools.batch.internal;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.powertools.batch.InvalidBatchException;
import java.util.List;
import java.util.Map;

/**
 * Whether an SQS batch comes from a FIFO queue, decided from every record, never from the first
 * alone: processing a FIFO batch as standard would run a group's later messages after an earlier
 * one failed, so a batch whose records disagree, or that lacks the ARN where it decides, is refused
 * before any record runs.
 */
public enum SqsQueueType {

    /** A standard (or fair) queue: records are independent. */
    STANDARD,

    /** A FIFO queue: records of one message group run in order. */
    FIFO;

    private static final String GROUP_ATTRIBUTE = "MessageGroupId";

    /**
     * Decides the type of a batch whose records are already checked not to be null.
     *
     * <ul>
     *   <li>Every record with an {@code eventSourceARN} must agree on {@code .fifo} or not.</li>
     *   <li>A record without one is refused when the batch is FIFO, or when it carries a
     *       {@code MessageGroupId} (a FIFO queue and a fair standard queue cannot be told apart).</li>
     *   <li>Every record of a FIFO batch must carry a {@code MessageGroupId}.</li>
     * </ul>
     *
     * @param messages the records
     * @return the type
     * @throws InvalidBatchException naming the first record that breaks a rule; nothing was processed
     */
    public static SqsQueueType of(List<SQSMessage> messages) {
        int fifoAt = -1;
        int standardAt = -1;
        for (int i = 0; i < messages.size(); i++) {
            String arn = messages.get(i).getEventSourceArn();
            if (arn == null || arn.isBlank()) {
                continue;
            }
            if (arn.endsWith(".fifo")) {
                fifoAt = fifoAt < 0 ? i : fifoAt;
            } else {
                standardAt = standardAt < 0 ? i : standardAt;
            }
            if (fifoAt >= 0 && standardAt >= 0) {
                int fifo = fifoAt;
                int standard = standardAt;
                throw new InvalidBatchException("SQS record #" + Math.max(fifo, standard) + " comes from "
                        + arnOf(messages, Math.max(fifo, standard)) + " but record #" + Math.min(fifo, standard)
                        + " from " + arnOf(messages, Math.min(fifo, standard)) + ": a batch holds the messages of "
                        + "one queue, FIFO (ARN ending in .fifo) or standard, so this event cannot be processed in a "
                        + "safe order. Nothing was processed; the whole batch is failed.");
            }
        }
        boolean fifo = fifoAt >= 0;
        for (int i = 0; i < messages.size(); i++) {
            SQSMessage message = messages.get(i);
            String arn = message.getEventSourceArn();
            boolean grouped = groupOf(message) != null;
            if ((arn == null || arn.isBlank()) && (fifo || grouped)) {
                throw new InvalidBatchException("SQS record #" + i + " has no eventSourceARN, " + (fifo
                        ? "while record #" + fifoAt + " comes from a FIFO queue"
                        : "yet carries a MessageGroupId, which FIFO and fair standard queues both set")
                        + ": whether its group must run in order cannot be told. Nothing was processed; the whole "
                        + "batch is failed.");
            }
            if (fifo && !grouped) {
                throw new InvalidBatchException("SQS record #" + i + " of FIFO queue " + arn + " has no "
                        + GROUP_ATTRIBUTE + " attribute, which every FIFO message carries: its order cannot be kept. "
                        + "Nothing was processed; the whole batch is failed.");
            }
        }
        return fifo ? FIFO : STANDARD;
    }

    /**
     * The message group of every record of a FIFO batch.
     *
     * @param messages the records, checked by {@link #of(List)}
     * @return the group ids, index for index
     */
    public static String[] groupIds(List<SQSMessage> messages) {
        String[] groups = new String[messages.size()];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = groupOf(messages.get(i));
        }
        return groups;
    }

    private static String groupOf(SQSMessage message) {
        Map<String, String> attributes = message.getAttributes();
        return attributes == null ? null : attributes.get(GROUP_ATTRIBUTE);
    }

    private static String arnOf(List<SQSMessage> messages, int index) {
        return messages.get(index).getEventSourceArn();
    }
}

package io.powertools.batch.internal;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.ArrayList;
import java.util.List;

/** Builds the partial failure response of Kinesis and DynamoDB Streams batches. */
public final class StreamResponses {

    private StreamResponses() {
    }

    /**
     * Lists every record that did not succeed, in batch order. Lambda checkpoints at the lowest
     * sequence number listed, so listing all of them (not only the lowest) is always safe.
     *
     * @param run the finished run
     * @return the response; an empty list when all succeeded
     */
    public static StreamsEventResponse of(BatchRun<?> run) {
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        for (int i = 0; i < run.size(); i++) {
            if (!run.succeeded(i)) {
                failures.add(new StreamsEventResponse.BatchItemFailure(run.id(i)));
            }
        }
        return new StreamsEventResponse(failures);
    }
}

package io.powertools.idempotency;

/**
 * Told when a protected call ran but its record could not be marked {@code COMPLETED} after
 * bounded retries: the caller got its result, the record stays {@code INPROGRESS} until
 * {@link CompletionFailure#reclaimableAt()}, and a duplicate arriving after that runs the protected
 * code again. Also told when a call completes after its in-progress expiry and finds its record
 * taken over by another call (the code may then have run twice: the call outlived its deadline).
 * Register it to count or alarm on that window:
 *
 * <pre>{@code
 * IdempotencyConfig.builder()
 *         .persistenceStore(store)
 *         .completionFailureHook(failure -> metrics.addMetric("IdempotencyCompletionFailed", 1, Unit.COUNT))
 *         .build();
 * }</pre>
 *
 * <p>Called on the invocation's thread, after the ERROR line was logged. Keep it short; exceptions
 * it throws are logged and never reach the caller.
 */
@FunctionalInterface
public interface CompletionFailureHook {

    /**
     * Reports one record that was not completed.
     *
     * @param failure the key, the attempts, the last failure and when the record becomes claimable
     */
    void onCompletionFailure(CompletionFailure failure);
}

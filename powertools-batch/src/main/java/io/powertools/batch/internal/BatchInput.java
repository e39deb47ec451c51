package io.powertools.batch.internal;

import io.powertools.batch.InvalidBatchException;
import java.util.List;
import java.util.function.Function;

/**
 * Checks an event before any record runs, so a malformed batch fails as a whole with a clear
 * message instead of producing a response Lambda would reject silently.
 */
public final class BatchInput {

    private BatchInput() {
    }

    /**
     * The event's records, checked for presence.
     *
     * @param event the event
     * @param records the event's record list
     * @param eventType the event class's simple name, for messages
     * @param <R> the record type
     * @return the records
     * @throws InvalidBatchException when the event or its record list is null
     */
    public static <R> List<R> records(Object event, List<R> records, String eventType) {
        if (event == null) {
            throw new InvalidBatchException("The " + eventType + " is null: the function received no event. "
                    + "Check that the handler's input type matches the event source mapping.");
        }
        if (records == null) {
            throw new InvalidBatchException("The " + eventType + " has no \"Records\" list. Check that the event "
                    + "source mapping sends " + eventType + "s to this handler; nothing was processed.");
        }
        return records;
    }

    /**
     * The identifier of every record, checked to be present and not blank.
     *
     * @param records the records
     * @param idOf reads a record's identifier; may return null
     * @param source the source's name, for messages
     * @param idName the identifier's field name, for messages
     * @param <R> the record type
     * @return the identifiers, index for index
     * @throws InvalidBatchException naming the first record that is null or has no identifier
     */
    public static <R> String[] ids(List<R> records, Function<? super R, String> idOf, String source, String idName) {
        String[] ids = new String[records.size()];
        int i = 0;
        for (R record : records) {
            if (record == null) {
                throw new InvalidBatchException(source + " record #" + i + " is null; nothing was processed and the "
                        + "whole batch is failed so Lambda retries it.");
            }
            String id = idOf.apply(record);
            if (id == null || id.isBlank()) {
                throw new InvalidBatchException(source + " record #" + i + " has no " + idName + "; it could not be "
                        + "reported as a failed item (Lambda rejects empty identifiers), so nothing was processed and "
                        + "the whole batch is failed.");
            }
            ids[i++] = id;
        }
        return ids;
    }
}

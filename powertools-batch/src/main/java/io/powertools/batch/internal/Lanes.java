package io.powertools.batch.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * The units parallel workers claim: a lane is a run of records that must be processed in order by
 * one worker. Independent records are one lane each; FIFO messages form one lane per message
 * group, in batch order within the group.
 */
final class Lanes {

    /** Record indices grouped lane after lane; null when every record is its own lane. */
    private final int[] order;
    /** Lane {@code l} is {@code order[starts[l] .. starts[l + 1])}. */
    private final int[] starts;
    /** The lane of each record; null when every record is its own lane. */
    private final int[] laneOfRecord;
    private final int count;

    private Lanes(int[] order, int[] starts, int[] laneOfRecord, int count) {
        this.order = order;
        this.starts = starts;
        this.laneOfRecord = laneOfRecord;
        this.count = count;
    }

    static Lanes singles(int records) {
        return new Lanes(null, null, null, records);
    }

    /**
     * Groups records by key, keeping batch order inside each group and ordering groups by their
     * first record. Linear in the batch size.
     */
    static Lanes byGroup(String[] groups) {
        int n = groups.length;
        Map<String, Integer> laneByKey = new HashMap<>();
        int[] laneOfRecord = new int[n];
        int[] sizes = new int[n];
        int lanes = 0;
        for (int i = 0; i < n; i++) {
            Integer lane = laneByKey.putIfAbsent(groups[i], lanes);
            int l = lane == null ? lanes++ : lane;
            laneOfRecord[i] = l;
            sizes[l]++;
        }
        int[] starts = new int[lanes + 1];
        for (int l = 0; l < lanes; l++) {
            starts[l + 1] = starts[l] + sizes[l];
        }
        int[] fill = new int[lanes];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            int l = laneOfRecord[i];
            order[starts[l] + fill[l]++] = i;
        }
        return new Lanes(order, starts, laneOfRecord, lanes);
    }

    int count() {
        return count;
    }

    int start(int lane) {
        return order == null ? lane : starts[lane];
    }

    int end(int lane) {
        return order == null ? lane + 1 : starts[lane + 1];
    }

    int record(int position) {
        return order == null ? position : order[position];
    }

    int laneOf(int record) {
        return laneOfRecord == null ? record : laneOfRecord[record];
    }
}

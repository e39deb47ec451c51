package io.powertools.metrics;

import java.util.Objects;

/**
 * The units CloudWatch accepts for a metric, each written into the EMF blob as its CloudWatch
 * name (for example {@link #BYTES_PER_SECOND} as {@code Bytes/Second}).
 */
public enum MetricUnit {
    /** {@code Seconds}. */
    SECONDS("Seconds"),
    /** {@code Microseconds}. */
    MICROSECONDS("Microseconds"),
    /** {@code Milliseconds}. */
    MILLISECONDS("Milliseconds"),
    /** {@code Bytes}. */
    BYTES("Bytes"),
    /** {@code Kilobytes}. */
    KILOBYTES("Kilobytes"),
    /** {@code Megabytes}. */
    MEGABYTES("Megabytes"),
    /** {@code Gigabytes}. */
    GIGABYTES("Gigabytes"),
    /** {@code Terabytes}. */
    TERABYTES("Terabytes"),
    /** {@code Bits}. */
    BITS("Bits"),
    /** {@code Kilobits}. */
    KILOBITS("Kilobits"),
    /** {@code Megabits}. */
    MEGABITS("Megabits"),
    /** {@code Gigabits}. */
    GIGABITS("Gigabits"),
    /** {@code Terabits}. */
    TERABITS("Terabits"),
    /** {@code Percent}. */
    PERCENT("Percent"),
    /** {@code Count}. */
    COUNT("Count"),
    /** {@code Bytes/Second}. */
    BYTES_PER_SECOND("Bytes/Second"),
    /** {@code Kilobytes/Second}. */
    KILOBYTES_PER_SECOND("Kilobytes/Second"),
    /** {@code Megabytes/Second}. */
    MEGABYTES_PER_SECOND("Megabytes/Second"),
    /** {@code Gigabytes/Second}. */
    GIGABYTES_PER_SECOND("Gigabytes/Second"),
    /** {@code Terabytes/Second}. */
    TERABYTES_PER_SECOND("Terabytes/Second"),
    /** {@code Bits/Second}. */
    BITS_PER_SECOND("Bits/Second"),
    /** {@code Kilobits/Second}. */
    KILOBITS_PER_SECOND("Kilobits/Second"),
    /** {@code Megabits/Second}. */
    MEGABITS_PER_SECOND("Megabits/Second"),
    /** {@code Gigabits/Second}. */
    GIGABITS_PER_SECOND("Gigabits/Second"),
    /** {@code Terabits/Second}. */
    TERABITS_PER_SECOND("Terabits/Second"),
    /** {@code Count/Second}. */
    COUNT_PER_SECOND("Count/Second"),
    /** {@code None}: a value without unit. */
    NONE("None");

    private static final MetricUnit[] ALL = values();

    private final String emfName;

    MetricUnit(String emfName) {
        this.emfName = emfName;
    }

    /**
     * The unit's name as CloudWatch and the EMF {@code Unit} field spell it.
     *
     * @return for example {@code Count/Second}
     */
    public String emfName() {
        return emfName;
    }

    /**
     * Finds the unit CloudWatch spells this way, for units that come from configuration.
     *
     * @param emfName a CloudWatch unit name such as {@code Milliseconds} (exact case)
     * @return the unit
     * @throws IllegalArgumentException when CloudWatch has no such unit, listing the allowed ones
     */
    public static MetricUnit fromEmfName(String emfName) {
        Objects.requireNonNull(emfName, "emfName");
        for (MetricUnit unit : ALL) {
            if (unit.emfName.equals(emfName)) {
                return unit;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (MetricUnit unit : ALL) {
            allowed.append(allowed.length() == 0 ? "" : ", ").append(unit.emfName);
        }
        throw new IllegalArgumentException("Unknown metric unit '" + emfName
                + "': CloudWatch accepts only " + allowed);
    }

    @Override
    public String toString() {
        return emfName;
    }
}

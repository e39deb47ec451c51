package io.powertools.benchmarks.harness;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A small horizontal bar chart drawn with Java2D and saved as PNG: no charting dependency for a
 * handful of bars. Bars may carry a whisker (min..max) and the chart a dashed goal line.
 */
public final class BarChart {

    /** Colour of this library's bars. */
    public static final Color OURS = new Color(0x2E7D32);
    /** Colour of Powertools 2.9.0's bars. */
    public static final Color POWERTOOLS = new Color(0xE65100);
    /** Colour of baselines without a library. */
    public static final Color BASELINE = new Color(0x607D8B);

    private static final int WIDTH = 900;
    private static final int ROW = 34;
    private static final int LABEL_WIDTH = 260;
    private static final int TOP = 56;

    private final String title;
    private final String unit;
    private final List<Bar> bars = new ArrayList<>();
    private Double goal;
    private String goalLabel;

    private record Bar(String label, double value, double min, double max, Color color) {
    }

    /**
     * Starts a chart.
     *
     * @param title the title
     * @param unit the unit shown after values
     */
    public BarChart(String title, String unit) {
        this.title = title;
        this.unit = unit;
    }

    /**
     * Adds a bar.
     *
     * @param label its label
     * @param value its length
     * @param color its colour
     * @return this chart
     */
    public BarChart bar(String label, double value, Color color) {
        return bar(label, value, Double.NaN, Double.NaN, color);
    }

    /**
     * Adds a bar with a min..max whisker.
     *
     * @param label its label
     * @param value its length (e.g. the median)
     * @param min whisker start
     * @param max whisker end
     * @param color its colour
     * @return this chart
     */
    public BarChart bar(String label, double value, double min, double max, Color color) {
        bars.add(new Bar(label, value, min, max, color));
        return this;
    }

    /**
     * Draws a dashed vertical goal line.
     *
     * @param value where
     * @param label its legend
     * @return this chart
     */
    public BarChart goal(double value, String label) {
        this.goal = value;
        this.goalLabel = label;
        return this;
    }

    /**
     * Writes the PNG.
     *
     * @param file the target file
     */
    public void write(Path file) {
        System.setProperty("java.awt.headless", "true");
        int height = TOP + bars.size() * ROW + 30;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString(title, 12, 24);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            double max = bars.stream().mapToDouble(b -> Double.isNaN(b.max) ? b.value : Math.max(b.value, b.max))
                    .max().orElse(1);
            if (goal != null) {
                max = Math.max(max, goal);
            }
            int plotWidth = WIDTH - LABEL_WIDTH - 130;
            double scale = plotWidth / (max * 1.05);
            FontMetrics metrics = g.getFontMetrics();
            for (int i = 0; i < bars.size(); i++) {
                Bar bar = bars.get(i);
                int y = TOP + i * ROW;
                g.setColor(Color.DARK_GRAY);
                g.drawString(bar.label, LABEL_WIDTH - 10 - metrics.stringWidth(bar.label), y + 18);
                g.setColor(bar.color);
                int length = (int) Math.round(bar.value * scale);
                g.fillRect(LABEL_WIDTH, y + 4, Math.max(length, 1), ROW - 10);
                if (!Double.isNaN(bar.min)) {
                    g.setColor(Color.BLACK);
                    int from = LABEL_WIDTH + (int) Math.round(bar.min * scale);
                    int to = LABEL_WIDTH + (int) Math.round(bar.max * scale);
                    int mid = y + ROW / 2 - 1;
                    g.drawLine(from, mid, to, mid);
                    g.drawLine(from, mid - 5, from, mid + 5);
                    g.drawLine(to, mid - 5, to, mid + 5);
                }
                g.setColor(Color.BLACK);
                int textX = LABEL_WIDTH + Math.max(length, Double.isNaN(bar.max) ? 0 : (int) Math.round(bar.max * scale)) + 6;
                g.drawString(format(bar.value) + " " + unit, textX, y + 18);
            }
            if (goal != null) {
                int x = LABEL_WIDTH + (int) Math.round(goal * scale);
                g.setColor(new Color(0xC62828));
                g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
                g.drawLine(x, TOP - 6, x, TOP + bars.size() * ROW);
                g.drawString(goalLabel, Math.min(x + 4, WIDTH - metrics.stringWidth(goalLabel) - 4), TOP - 10);
            }
        } finally {
            g.dispose();
        }
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write chart " + file, e);
        }
    }

    static String format(double value) {
        if (value >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (value >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}

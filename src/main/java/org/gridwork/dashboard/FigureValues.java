package org.gridwork.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.gridwork.shared.dashboard.Figure;

/** The figures of one node: numerator and denominator per figure and dimension. */
public class FigureValues {

    private final Map<Figure, Map<String, double[]>> values = new LinkedHashMap<>();

    void add(Figure figure, String dimension, double numerator, double denominator) {
        double[] parts = values.computeIfAbsent(figure, f -> new TreeMap<>()).computeIfAbsent(dimension, d -> new double[2]);
        parts[0] += numerator;
        parts[1] += denominator;
    }

    public boolean has(Figure figure) {
        return values.containsKey(figure);
    }

    /** A count summed over all its dimensions (e.g. open issues of every status). */
    public long count(Figure figure) {
        return Math.round(values.getOrDefault(figure, Map.of()).values().stream().mapToDouble(p -> p[0]).sum());
    }

    public long count(Figure figure, String dimension) {
        double[] p = values.getOrDefault(figure, Map.of()).get(dimension);
        return p == null ? 0 : Math.round(p[0]);
    }

    /** Numerator / denominator as a percentage with one decimal, or null when the denominator is 0. */
    public Double rate(Figure figure) {
        double[] p = totals(figure);
        return p[1] == 0 ? null : Math.round(1000.0 * p[0] / p[1]) / 10.0;
    }

    /** Numerator / denominator with one decimal, or null when the denominator is 0. */
    public Double average(Figure figure) {
        double[] p = totals(figure);
        return p[1] == 0 ? null : Math.round(10.0 * p[0] / p[1]) / 10.0;
    }

    /** The denominator: issues closed for on-time rate and closing time, people for coverage. */
    public long base(Figure figure) {
        return Math.round(totals(figure)[1]);
    }

    public long numerator(Figure figure) {
        return Math.round(totals(figure)[0]);
    }

    /** The value shown for the figure: a count, a rate or an average (null: nothing to compute it from). */
    public Double value(Figure figure) {
        return switch (figure.kind()) {
            case COUNT -> (double) count(figure);
            case RATE -> rate(figure);
            case AVERAGE -> average(figure);
        };
    }

    /** Counts by dimension, in dimension order (statuses, categories, weeks). */
    public Map<String, Long> breakdown(Figure figure) {
        Map<String, Long> out = new LinkedHashMap<>();
        values.getOrDefault(figure, Map.of()).forEach((d, p) -> out.put(d, Math.round(p[0])));
        return out;
    }

    private double[] totals(Figure figure) {
        double[] sum = new double[2];
        values.getOrDefault(figure, Map.of()).values().forEach(p -> {
            sum[0] += p[0];
            sum[1] += p[1];
        });
        return sum;
    }
}

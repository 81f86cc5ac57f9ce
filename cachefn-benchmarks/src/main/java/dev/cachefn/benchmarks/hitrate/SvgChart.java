package dev.cachefn.benchmarks.hitrate;

import java.util.List;
import java.util.Locale;

/**
 * A line chart of hit rate against capacity, one line per policy, written as plain SVG. The capacity axis
 * is logarithmic when the capacities span a factor of 8 or more.
 */
final class SvgChart {

  private static final String[] COLORS = {
    "#000000", "#7f7f7f", "#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2"
  };
  private static final String[] DASHES = {"4 3", "", "", "", "", "", "", "", ""};

  private static final int WIDTH = 760;
  private static final int HEIGHT = 460;
  private static final int LEFT = 64;
  private static final int RIGHT = 150;
  private static final int TOP = 48;
  private static final int BOTTOM = 56;

  private SvgChart() {}

  /**
   * @param title the chart title
   * @param capacities the x values, ascending
   * @param labels one per line
   * @param rates {@code rates[line][capacity]} in percent; {@code NaN} leaves a point out
   */
  static String render(String title, int[] capacities, List<String> labels, double[][] rates) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double[] line : rates) {
      for (double rate : line) {
        if (!Double.isNaN(rate)) {
          min = Math.min(min, rate);
          max = Math.max(max, rate);
        }
      }
    }
    if (min > max) {
      min = 0;
      max = 100;
    }
    double yLow = Math.max(0, Math.floor(min / 10) * 10);
    double yHigh = Math.min(100, Math.ceil(max / 10) * 10);
    if (yHigh - yLow < 10) {
      yHigh = Math.min(100, yLow + 10);
      yLow = yHigh - 10;
    }
    boolean log = capacities[capacities.length - 1] >= 8L * capacities[0];
    double plotWidth = WIDTH - LEFT - RIGHT;
    double plotHeight = HEIGHT - TOP - BOTTOM;

    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
            + " font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT, WIDTH, HEIGHT));
    svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>%n", WIDTH, HEIGHT));
    svg.append(String.format(Locale.ROOT,
        "<text x=\"%d\" y=\"24\" font-size=\"15\" font-weight=\"bold\">%s</text>%n", LEFT, escape(title)));

    // horizontal grid and y labels
    double step = (yHigh - yLow) > 50 ? 10 : 5;
    for (double y = yLow; y <= yHigh + 1e-9; y += step) {
      double py = TOP + plotHeight * (1 - (y - yLow) / (yHigh - yLow));
      svg.append(String.format(Locale.ROOT,
          "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e0e0e0\"/>%n", LEFT, py, LEFT + plotWidth, py));
      svg.append(String.format(Locale.ROOT,
          "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.0f</text>%n", LEFT - 6, py + 4, y));
    }
    // x ticks: one per capacity
    for (int capacity : capacities) {
      double px = x(capacity, capacities, log, plotWidth);
      svg.append(String.format(Locale.ROOT,
          "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#f0f0f0\"/>%n", px, TOP, px, TOP + plotHeight));
      svg.append(String.format(Locale.ROOT,
          "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>%n",
          px, TOP + plotHeight + 18, String.format(Locale.ROOT, "%,d", capacity)));
    }
    // axes and their titles
    svg.append(String.format(Locale.ROOT,
        "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"#444444\"/>%n",
        LEFT, TOP, plotWidth, plotHeight));
    svg.append(String.format(Locale.ROOT,
        "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">capacity (entries%s)</text>%n",
        LEFT + plotWidth / 2, HEIGHT - 14, log ? ", log scale" : ""));
    svg.append(String.format(Locale.ROOT,
        "<text transform=\"translate(18 %.1f) rotate(-90)\" text-anchor=\"middle\">hit rate (%%)</text>%n",
        TOP + plotHeight / 2));

    // one line per policy, with a legend entry
    for (int line = 0; line < rates.length; line++) {
      String color = COLORS[line % COLORS.length];
      String dash = DASHES[line % DASHES.length];
      StringBuilder points = new StringBuilder();
      StringBuilder markers = new StringBuilder();
      for (int c = 0; c < capacities.length; c++) {
        double rate = rates[line][c];
        if (Double.isNaN(rate)) {
          continue;
        }
        double px = x(capacities[c], capacities, log, plotWidth);
        double py = TOP + plotHeight * (1 - (rate - yLow) / (yHigh - yLow));
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
        markers.append(String.format(Locale.ROOT,
            "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%s at %,d: %.2f %%</title></circle>%n",
            px, py, color, escape(labels.get(line)), capacities[c], rate));
      }
      svg.append(String.format(Locale.ROOT,
          "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s points=\"%s\"/>%n",
          color, dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"", points.toString().trim()));
      svg.append(markers);
      double ly = TOP + 10 + line * 20;
      double lx = LEFT + plotWidth + 16;
      svg.append(String.format(Locale.ROOT,
          "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\"%s/>%n",
          lx, ly, lx + 24, ly, color, dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\""));
      svg.append(String.format(Locale.ROOT,
          "<text x=\"%.1f\" y=\"%.1f\">%s</text>%n", lx + 30, ly + 4, escape(labels.get(line))));
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  private static double x(int capacity, int[] capacities, boolean log, double plotWidth) {
    double first = capacities[0];
    double last = capacities[capacities.length - 1];
    if (last == first) {
      return LEFT + plotWidth / 2;
    }
    double fraction = log
        ? (Math.log(capacity) - Math.log(first)) / (Math.log(last) - Math.log(first))
        : (capacity - first) / (last - first);
    // keep the outermost points off the frame
    return LEFT + 20 + (plotWidth - 40) * fraction;
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}

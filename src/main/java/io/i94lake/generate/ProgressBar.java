package io.i94lake.generate;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A progress bar on a terminal: redrawn in place twice a second on stderr, with the rate and the time left;
 * one line every ten seconds when stderr is not a terminal, nothing when quiet.
 */
final class ProgressBar implements AutoCloseable {
  private static final int WIDTH = 30;

  private final PrintStream out;
  private final String label;
  private final long total;
  private final boolean terminal;
  private final AtomicLong done = new AtomicLong();
  private final long started = System.nanoTime();
  private final ScheduledExecutorService ticker;

  ProgressBar(PrintStream out, String label, long total, boolean terminal) {
    this.out = out;
    this.label = label;
    this.total = total;
    this.terminal = terminal;
    if (out == null) {
      ticker = null;
      return;
    }
    ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "progress");
      thread.setDaemon(true);
      return thread;
    });
    long period = terminal ? 500 : 10_000;
    ticker.scheduleAtFixedRate(this::draw, period, period, TimeUnit.MILLISECONDS);
  }

  void add(long rows) {
    done.addAndGet(rows);
  }

  @Override
  public void close() {
    if (ticker != null) {
      ticker.shutdownNow();
      draw();
      if (terminal) {
        out.println();
      }
    }
  }

  private synchronized void draw() {
    long now = done.get();
    double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
    double rate = now / seconds;
    double share = total == 0 ? 1 : Math.min(1, now / (double) total);
    int filled = (int) Math.round(share * WIDTH);
    String left = rate > 0 && now < total ? String.format(", %.0f s left", (total - now) / rate) : "";
    String text = String.format("%s [%s%s] %3.0f%% %,d/%,d rows, %.2f M rows/s%s", label, "=".repeat(filled),
        " ".repeat(WIDTH - filled), share * 100, now, total, rate / 1e6, left);
    out.print(terminal ? "\r" + text + "   " : text + "\n");
    out.flush();
  }
}

package dev.lambdasec.cli;

import dev.lambdasec.source.aws.collect.Progress;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jspecify.annotations.Nullable;

/**
 * A progress bar on standard error while accounts are collected: functions done out of found, and
 * the region and service being read (and the account, when there are several). Only on an
 * interactive terminal: progressbar draws its bar even when the output is redirected, so callers
 * decide with {@link #wanted}. The bar appears with the first service read, so a run that fails on
 * its credentials leaves no empty bar behind, and its last line holds no stale service.
 */
final class CollectionProgress implements Progress, AutoCloseable {

  private final PrintStream err;
  private final boolean showAccount;
  private final AtomicLong found = new AtomicLong();
  private @Nullable ProgressBar bar;

  /**
   * @param showAccount name the account in the bar (when several are collected)
   */
  CollectionProgress(PrintStream err, boolean showAccount) {
    this.err = err;
    this.showAccount = showAccount;
  }

  /**
   * True on an interactive terminal (standard output and standard error), outside CI, and when the
   * report is for people: a JSON or SARIF run stays quiet even on a terminal.
   */
  static boolean wanted(boolean machineReadableReport) {
    return !machineReadableReport
        && System.getenv("CI") == null
        && !"dumb".equals(System.getenv("TERM"))
        && Terminal.isInteractive()
        && Terminal.isErrorInteractive();
  }

  private synchronized ProgressBar bar() {
    if (bar == null) {
      bar =
          new ProgressBarBuilder()
              .setTaskName("Collecting")
              .setInitialMax(found.get())
              .setUnit(" functions", 1)
              .setStyle(ProgressBarStyle.ASCII)
              .setUpdateIntervalMillis(250)
              .setConsumer(new ConsoleProgressBarConsumer(err))
              .hideEta()
              .build();
    }
    return bar;
  }

  @Override
  public void started(String account, String region, String service) {
    bar().setExtraMessage(" " + (showAccount ? account + " " : "") + region + " " + service);
  }

  @Override
  public void functionsFound(int count) {
    bar().maxHint(found.addAndGet(count));
  }

  @Override
  public void functionDone() {
    bar().step();
  }

  @Override
  public synchronized void close() {
    if (bar != null) {
      bar.setExtraMessage("");
      bar.close();
    }
  }
}

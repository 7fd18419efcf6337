package dev.lambdasec.cli;

import dev.lambdasec.source.aws.collect.Progress;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on standard error while an account is collected: functions done out of found, and
 * the account, region and service being read. Only on an interactive terminal: progressbar draws
 * its bar even when the output is redirected, so callers decide with {@link #wanted}.
 */
final class CollectionProgress implements Progress, AutoCloseable {

  private final ProgressBar bar;
  private final AtomicLong found = new AtomicLong();

  CollectionProgress(PrintStream err) {
    bar =
        new ProgressBarBuilder()
            .setTaskName("Collecting")
            .setInitialMax(0)
            .setUnit(" functions", 1)
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(250)
            .setConsumer(new ConsoleProgressBarConsumer(err))
            .hideEta()
            .build();
  }

  /**
   * True on an interactive terminal, outside CI, and when the report is for people: a JSON or SARIF
   * run stays quiet even on a terminal.
   */
  static boolean wanted(boolean machineReadableReport) {
    return !machineReadableReport
        && System.getenv("CI") == null
        && !"dumb".equals(System.getenv("TERM"))
        && Terminal.isInteractive();
  }

  @Override
  public void started(String account, String region, String service) {
    bar.setExtraMessage(" " + account + " " + region + " " + service);
  }

  @Override
  public void functionsFound(int count) {
    bar.maxHint(found.addAndGet(count));
  }

  @Override
  public void functionDone() {
    bar.step();
  }

  @Override
  public void close() {
    bar.close();
  }
}

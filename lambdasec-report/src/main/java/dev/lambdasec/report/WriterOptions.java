package dev.lambdasec.report;

/**
 * How a report is rendered.
 *
 * @param color use ANSI colours (console only; the CLI enables it on a terminal without {@code
 *     NO_COLOR})
 * @param showPassed also list PASS results (and UNKNOWN ones one by one on the console)
 */
public record WriterOptions(boolean color, boolean showPassed) {}

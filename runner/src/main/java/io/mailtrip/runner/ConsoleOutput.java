package io.mailtrip.runner;

import java.io.PrintStream;

/** One concise line per result on a console stream. */
final class ConsoleOutput implements ResultOutput {

    private final PrintStream out;

    ConsoleOutput(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void accept(RunRecord record) {
        out.println(ResultLine.console(record));
        out.flush();
    }
}

package io.mailtrip.jenkins;

import hudson.Extension;
import hudson.model.AsyncPeriodicWork;
import hudson.model.TaskListener;

import java.util.concurrent.TimeUnit;

/**
 * The one-minute tick. Jenkins reads {@link #getRecurrencePeriod()} once at start-up, so per-instance
 * intervals are decided by core's {@code DueSchedule}, not here. The tick only starts the due sensors on
 * core's pool and ends, so a slow sensor never makes Jenkins skip the next tick; every run is bounded by
 * its sensor's budget.
 */
@Extension
public final class MailtripPeriodicWork extends AsyncPeriodicWork {

    public MailtripPeriodicWork() {
        super("mailtrip round trips");
    }

    @Override
    public long getRecurrencePeriod() {
        return TimeUnit.MINUTES.toMillis(1);
    }

    @Override
    protected void execute(TaskListener listener) {
        MailtripRuns.get().runDue(listener.getLogger());
    }
}
